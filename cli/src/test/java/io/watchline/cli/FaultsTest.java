package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.cli.io.OutputTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a cron job meets: a full disk, an unwritable output, an unreadable input among good ones.
 * Each must give one clear line on stderr, exit 1 or 2, and leave no partial file.
 */
class FaultsTest {
  @TempDir Path tmp;

  static final String NMEA = "nmea/bu353s4.log";
  static final String GPX = "gpx/korita-zbevnica.gpx";

  record Run(int exit, String err) {}

  static Run ingest(String... args) {
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    String[] all = Stream.concat(Stream.of("ingest"), Stream.of(args)).toArray(String[]::new);
    return new Run(cl.execute(all), err.toString());
  }

  /** Throws after {@code limit} bytes, as a disk that fills up does. */
  static final class FullDisk extends OutputStream {
    private final OutputStream inner;
    private long left;

    FullDisk(OutputStream inner, long limit) {
      this.inner = inner;
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > left) {
        throw new IOException("No space left on device");
      }
      left -= len;
      inner.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      inner.close();
    }
  }

  private List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void fullDiskOnStdoutExitsOneWithOneLineAndNoRejectsFile() {
    PrintStream saved = System.out;
    Path rejects = tmp.resolve("rejects.ndjson");
    try {
      System.setOut(new PrintStream(new FullDisk(new ByteArrayOutputStream(), 4096), false));
      Run r = ingest(SampleFiles.fixture(NMEA).toString(), "--rejects", rejects.toString());
      assertThat(r.exit()).isEqualTo(ExitCode.FAILURE);
      assertThat(r.err().lines().filter(l -> l.startsWith("watchline: ")).toList())
          .containsExactly("watchline: I/O error: cannot write to standard output (disk full or pipe closed?)");
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("cannot read");
    } finally {
      System.setOut(saved);
    }
    assertThat(rejects).doesNotExist();
  }

  @Test
  void fullDiskOnAFileLeavesNoPartFileAndThePreviousFileIntact() throws IOException {
    Path target = tmp.resolve("obs.ndjson");
    Files.writeString(target, "yesterday's good output\n");
    OutputTarget out = OutputTarget.open(target.toString(), s -> new FullDisk(s, 100_000));
    byte[] line = "{\"t\":\"2026-11-27T23:14:05.250Z\",\"kind\":\"patrol\"}\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> {
      try (out) {
        for (int i = 0; i < 100_000; i++) {
          out.stream().write(line);
        }
        out.commit();
      }
    }).isInstanceOf(OutputTarget.WriteFailedException.class)
        .hasMessage("cannot write " + target + ": no space left on device");
    assertThat(filesIn(tmp)).containsExactly(target);
    assertThat(Files.readString(target)).isEqualTo("yesterday's good output\n");
  }

  @Test
  void unwritableOutputGivesOneClearLineAndExitOne() throws IOException {
    // Root may write anywhere, so the portable unwritable place is a path below a regular file.
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    Run r = ingest(SampleFiles.fixture(NMEA).toString(), "-o", file.resolve("obs.ndjson").toString(),
        "--rejects", tmp.resolve("rj.ndjson").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err().strip()).isEqualTo(
        "watchline: I/O error: cannot create " + file.resolve("obs.ndjson") + ": a path component is not a directory");
    assertThat(filesIn(tmp)).containsExactly(file);
  }

  @Test
  void readOnlyDirectoryGivesPermissionDenied() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("ro"));
    dir.toFile().setWritable(false, false);
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(dir), "running as root: permissions are not enforced");
    Run r = ingest(SampleFiles.fixture(NMEA).toString(), "-o", dir.resolve("obs.ndjson").toString(),
        "--rejects", tmp.resolve("rj.ndjson").toString());
    assertThat(r.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err().strip()).isEqualTo(
        "watchline: I/O error: cannot create " + dir.resolve("obs.ndjson") + ": permission denied");
    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void unreadableInputIsReportedAndTheOthersAreProcessed() throws IOException {
    Path out = tmp.resolve("obs.ndjson");
    Path missing = tmp.resolve("missing.nmea");
    Path dir = Files.createDirectory(tmp.resolve("a-directory"));
    Run r = ingest(SampleFiles.fixture(NMEA).toString(), missing.toString(), dir.toString(), SampleFiles.fixture(GPX).toString(),
        "-o", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("watchline: no such file: " + missing)
        .contains("watchline: " + dir + ": is a directory");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).anyMatch(l -> l.contains("\"file\":\"" + SampleFiles.fixture(NMEA) + "\""))
        .anyMatch(l -> l.contains("\"file\":\"" + SampleFiles.fixture(GPX) + "\""));
    assertThat(Path.of(out + ".rejects.ndjson")).exists();
  }

  @Test
  void failFastStopsAtTheFirstUnreadableInputAndWritesNothing() throws IOException {
    Path out = tmp.resolve("obs.ndjson");
    Run r = ingest("--fail-fast", SampleFiles.fixture(NMEA).toString(), tmp.resolve("missing.nmea").toString(),
        SampleFiles.fixture(GPX).toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.err()).contains("watchline: no such file: " + tmp.resolve("missing.nmea"))
        .contains("--fail-fast").doesNotContain("korita-zbevnica.gpx (gpx)");
    assertThat(filesIn(tmp)).isEmpty();
  }
}
