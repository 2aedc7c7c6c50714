package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a real process shows: signals, a closed standard input, a pipe whose reader went away,
 * bash's {@code >(...)}. Each test starts the command line in a JVM of its own (about a second).
 */
class RealProcessTest {
  @TempDir Path dir;
  Path obs;

  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static final String CP = System.getProperty("java.class.path");

  @BeforeEach
  void input() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      lines.add(line(i));
    }
    obs = Files.write(dir.resolve("obs.ndjson"), lines);
  }

  static String line(int i) {
    return String.format(Locale.ROOT,
        "{\"t\":\"2026-11-27T23:%02d:%02d.%03dZ\",\"kind\":\"radar\",\"sensor\":\"RDR-1\",\"lat\":42.%06d,\"lon\":19.05}",
        i / 60_000 % 60, i / 1000 % 60, i % 1000, i);
  }

  /** Runs {@code script} in bash with $0 = java, $1 = class path, $2 = obs.ndjson, $3 = the test folder. */
  Process bash(String script) throws IOException {
    return new ProcessBuilder("bash", "-c", script, JAVA, CP, obs.toString(), dir.toString())
        .directory(dir.toFile()).start();
  }

  static final String MAIN = "\"$0\" -cp \"$1\" io.watchline.cli.Main";

  @Test
  void sigtermAndSigintLeaveNoTemporaryFile() throws Exception {
    for (String signal : List.of("TERM", "INT")) {
      Path out = dir.resolve("out-" + signal + ".ndjson");
      Process p = new ProcessBuilder(JAVA, "-cp", CP, "io.watchline.cli.Main", "ingest", "-", "--input-format", "ndjson",
          "-o", out.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
      OutputStream stdin = p.getOutputStream();
      for (int i = 0; i < 5000; i++) {
        stdin.write((line(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      stdin.flush(); // and keep it open: the run waits for more, mid-way, with its temporary file
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (parts().isEmpty() && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(parts()).as("the run has its temporary file").hasSize(1);
      assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(signal.equals("TERM") ? 143 : 130);
      assertThat(parts()).as("after SIG" + signal).isEmpty();
      assertThat(out).doesNotExist();
      stdin.close();
    }
  }

  @Test
  void aClosedStdinIsReportedNotRead() throws Exception {
    for (String cmd : List.of("ingest - --input-format ndjson", "fuse - --border b --sites s", "export - -f csv")) {
      if (cmd.startsWith("fuse")) {
        Files.writeString(dir.resolve("b"), OutputSafetyTest.BORDER);
        Files.writeString(dir.resolve("s"), OutputSafetyTest.SITES);
      }
      Process p = bash("exec " + MAIN + " " + cmd + " <&-");
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(cmd + ": " + err).isEqualTo(ExitCode.USAGE);
      assertThat(err.strip()).as(cmd).startsWith("watchline: standard input is closed").doesNotContain("\n");
      assertThat(p.getInputStream().readAllBytes()).as(cmd + ": nothing written").isEmpty();
    }
  }

  @Test
  void aPipeClosedByItsReaderEndsTheRunQuietlyWith141() throws Exception {
    Process p = bash(MAIN + " ingest \"$2\" -q | head -1; echo \"status ${PIPESTATUS[0]}\" >&2");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out.lines()).hasSize(1);
    assertThat(err.strip()).as("no error line, only the status").isEqualTo("status " + ExitCode.BROKEN_PIPE);
  }

  @Test
  void standardOutputRedirectedOntoTheInputIsRefused() throws Exception {
    byte[] before = Files.readAllBytes(obs);
    Process p = bash(MAIN + " ingest \"$2\" >> \"$2\"");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCode.USAGE);
    assertThat(err.strip()).isEqualTo("watchline: standard output is redirected to the input " + obs
        + ": writing it would destroy the input; choose another output file");
    assertThat(Files.readAllBytes(obs)).isEqualTo(before);
  }

  @Test
  void processSubstitutionReceivesTheOutput() throws Exception {
    Process p = bash(MAIN + " export \"$2\" --to csv -q -o >(cat > \"$3/via-pipe.csv\"); s=$?; wait; exit $s");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    Path got = dir.resolve("via-pipe.csv");
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((!Files.exists(got) || Files.readAllLines(got).size() < 20_001) && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    assertThat(Files.readAllLines(got)).hasSize(20_001); // header and every record
    assertThat(parts()).isEmpty();
  }

  private List<Path> parts() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
    }
  }
}
