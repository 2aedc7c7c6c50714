package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The share, merge and EUROSUR export command lines: mistakes, bad lines, nothing usable. */
class ShareCommandTest {
  @TempDir Path tmp;

  static final String INCIDENT = "{\"id\":\"INC-20261127-0001\",\"start\":\"2026-11-27T23:00:00.000Z\",\"end\":\"2026-11-27T23:05:00.000Z\","
      + "\"lat\":42.1,\"lon\":19.4,\"sector\":\"S-01\",\"side\":\"ALB→MNE\",\"kind\":\"crossing\",\"score\":0.9,\"factors\":{},"
      + "\"track\":[],\"evidence\":[]}";

  @Test
  void mistakesAreUsageErrors() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.ndjson"), INCIDENT + "\n");
    Path shortKey = Files.writeString(tmp.resolve("short.key"), "too short");
    String err = stderrOf(() -> {
      assertThat(Main.run("share", "--level", "neighbour", "--originator", "MNE", in.toString())).isEqualTo(2);
      assertThat(Main.run("share", "--level", "secret", "--originator", "MNE", in.toString())).isEqualTo(2);
      assertThat(Main.run("share", "--level", "neighbour", "--originator", "MNE", "--partner-key", shortKey.toString(),
          "--border", tmp.resolve("none.geojson").toString(), in.toString())).isEqualTo(2);
      assertThat(Main.run("export", in.toString(), "-f", "eurosur")).isEqualTo(2);
      assertThat(Main.run("merge", in.toString(), in.toString())).isEqualTo(2);
    });
    assertThat(err).contains("--partner-key", "internal, neighbour, eurosur or statistics", "at least 16 bytes",
        "--originator", "given twice");
  }

  @Test
  void badAndForeignLinesAreRejectedAndCountedTheRestIsShared() throws IOException {
    String obs = "{\"t\":\"2026-11-27T23:00:00.000Z\",\"kind\":\"radar\",\"sensor\":\"RDR-01\",\"lat\":42.1,\"lon\":19.4}";
    Path in = Files.writeString(tmp.resolve("in.ndjson"), INCIDENT + "\n{not json\n" + obs + "\n");
    Path out = tmp.resolve("out.ndjson");
    Path rejects = tmp.resolve("rejects.ndjson");
    assertThat(Main.run("share", "-q", "--level", "statistics", "--originator", "MNE", in.toString(), "-o", out.toString(),
        "--rejects", rejects.toString())).isZero();
    assertThat(Files.readString(out)).contains("\"count\":1").doesNotContain("RDR-01");
    assertThat(Files.readAllLines(rejects)).hasSize(2).anySatisfy(l -> assertThat(l).contains("not an incident"));
  }

  @Test
  void nothingUsableIsNotSuccess() throws IOException {
    Path in = Files.writeString(tmp.resolve("in.ndjson"), "{not json\n");
    assertThat(Main.run("share", "-q", "--level", "internal", "--originator", "MNE", in.toString(), "-o",
        tmp.resolve("o.ndjson").toString(), "--rejects", tmp.resolve("r.ndjson").toString())).isEqualTo(3);
    assertThat(Main.run("merge", "-q", in.toString(), "-o", tmp.resolve("j.ndjson").toString(), "--rejects",
        tmp.resolve("r2.ndjson").toString())).isEqualTo(3);
  }

  private static String stderrOf(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return err.toString(StandardCharsets.UTF_8);
  }
}
