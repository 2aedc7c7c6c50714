package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * No output ever destroys an input, a device, a pipe or a link, and rejects are never lost nor
 * left lying around: one test per case of issue 12 (items 1, 2, 3, 11 and the messages).
 */
class OutputSafetyTest {
  @TempDir Path dir;
  Path nmea;
  Path obs;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = cl.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  static final String BORDER = "{\"type\":\"Feature\",\"properties\":{\"side_left\":\"MNE\",\"side_right\":\"ALB\"},"
      + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[19.0,42.0],[19.1,42.0],[19.2,42.0]]}}";
  static final String SITES = "sites:\n  - id: RDR-1\n    kind: radar\n    lat: 42.03\n    lon: 19.1\n    range_max_m: 12000\n";

  @BeforeEach
  void inputs() throws IOException {
    nmea = Files.copy(Path.of("../fixtures/data/nmea/garmin17n.log"), dir.resolve("p.nmea"));
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      lines.add(String.format(java.util.Locale.ROOT,
          "{\"t\":\"2026-11-27T23:00:%02d.000Z\",\"kind\":\"radar\",\"sensor\":\"RDR-1\",\"lat\":%.6f,\"lon\":19.05}",
          s, 42.005 - s * 0.0001));
    }
    lines.add(7, "{broken");
    obs = Files.write(dir.resolve("a.ndjson"), lines);
    Files.writeString(dir.resolve("border.geojson"), BORDER);
    Files.writeString(dir.resolve("sites.yaml"), SITES);
  }

  String p(String name) {
    return dir.resolve(name).toString();
  }

  String[] fuse(String... more) {
    List<String> a = new ArrayList<>(List.of("fuse", "--border", p("border.geojson"), "--sites", p("sites.yaml")));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  // ---------------------------------------------------------------- item 1: same file

  @Test
  void anOutputThatIsAnInputOrAnotherOutputExitsTwoAndChangesNothing() throws Exception {
    Files.writeString(dir.resolve("f.ndjson"), Files.readString(obs));
    Files.writeString(dir.resolve("e.ndjson"), Files.readString(obs));
    Files.createSymbolicLink(dir.resolve("link.nmea"), nmea);
    Files.createLink(dir.resolve("hard.nmea"), nmea);
    Map<String, String[]> cases = new java.util.LinkedHashMap<>();
    cases.put("ingest p.nmea -o p.nmea", new String[] {"ingest", p("p.nmea"), "-o", p("p.nmea")});
    cases.put("ingest p.nmea -o ./x/../p.nmea", new String[] {"ingest", p("p.nmea"), "-o", dir + "/x/../p.nmea"});
    cases.put("ingest p.nmea -o link.nmea (symlink)", new String[] {"ingest", p("p.nmea"), "-o", p("link.nmea")});
    cases.put("ingest p.nmea -o hard.nmea (hard link)", new String[] {"ingest", p("p.nmea"), "-o", p("hard.nmea")});
    cases.put("ingest --rejects input", new String[] {"ingest", p("a.ndjson"), "-o", p("o.ndjson"), "--rejects", p("a.ndjson")});
    cases.put("ingest --rejects = -o", new String[] {"ingest", p("a.ndjson"), "-o", p("o.ndjson"), "--rejects", p("o.ndjson")});
    cases.put("ingest -o sites.yaml", new String[] {"ingest", p("p.nmea"), "--sites", p("sites.yaml"), "-o", p("sites.yaml")});
    cases.put("export -o input", new String[] {"export", p("e.ndjson"), "-f", "geojson", "-o", p("e.ndjson")});
    cases.put("export --rejects input", new String[] {"export", p("e.ndjson"), "-f", "csv", "--rejects", p("e.ndjson")});
    cases.put("fuse -o input", fuse(p("f.ndjson"), "-o", p("f.ndjson")));
    cases.put("fuse --tracks input", fuse(p("f.ndjson"), "--tracks", p("f.ndjson")));
    cases.put("fuse -o t --tracks t", fuse(p("f.ndjson"), "-o", p("t.ndjson"), "--tracks", p("t.ndjson")));
    cases.put("fuse -o border", fuse(p("f.ndjson"), "-o", p("border.geojson")));
    cases.put("sectors -o border", new String[] {"sectors", "--border", p("border.geojson"), "-o", p("border.geojson")});
    Map<Path, byte[]> before = snapshot();
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      Run r = run(c.getValue());
      assertThat(r.code()).as(c.getKey() + ": " + r.err()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err().strip()).as(c.getKey()).startsWith("watchline: ").doesNotContain("\n")
          .containsAnyOf("would destroy the input", "one would overwrite the other");
      assertThat(snapshot()).as(c.getKey() + ": every file byte for byte, nothing added").isEqualTo(before);
    }
    assertThat(Files.isSymbolicLink(dir.resolve("link.nmea"))).isTrue();
  }

  private Map<Path, byte[]> snapshot() throws IOException {
    Map<Path, byte[]> m = new java.util.TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        m.put(f, Files.isRegularFile(f) ? Files.readAllBytes(f) : new byte[0]);
      }
    }
    return new java.util.TreeMap<>(Map.copyOf(m)) {
      @Override
      public boolean equals(Object o) {
        if (!(o instanceof Map<?, ?> other) || !keySet().equals(other.keySet())) return false;
        return entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), (byte[]) other.get(e.getKey())));
      }
    };
  }

  // ---------------------------------------------------------------- item 2: devices, FIFOs, links, modes

  @Test
  void aFifoReceivesTheBytesAndStaysAFifo() throws Exception {
    Path fifo = dir.resolve("pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo not available");
    CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Run r = run("ingest", p("p.nmea"), "-o", fifo.toString());
    assertThat(r.code()).as(r.err()).isZero();
    byte[] got = reader.get(30, TimeUnit.SECONDS);
    Run plain = run("ingest", p("p.nmea"), "-o", p("plain.ndjson"));
    assertThat(plain.code()).isZero();
    assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo(Files.readString(dir.resolve("plain.ndjson")));
    assertThat(fileType(fifo)).isEqualTo("fifo");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void deviceNodesAreWrittenAndStayDevices() throws Exception {
    Path nul = dir.resolve("null");
    Path full = dir.resolve("full");
    boolean made = new ProcessBuilder("mknod", nul.toString(), "c", "1", "3").start().waitFor() == 0
        && new ProcessBuilder("mknod", full.toString(), "c", "1", "7").start().waitFor() == 0;
    Assumptions.assumeTrue(made, "mknod is not permitted here (needs root outside a restricted container)");
    Run r = run("ingest", p("a.ndjson"), "-o", nul.toString(), "--rejects", nul.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(fileType(nul)).isEqualTo("character device");
    // The "full" device (1,7) fails every write with ENOSPC: the bytes reached the device itself.
    Run f = run("export", p("a.ndjson"), "-f", "csv", "-o", full.toString(), "--rejects", nul.toString());
    assertThat(f.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(f.err().strip()).isEqualTo("watchline: I/O error: cannot write " + full + ": no space left on device");
    assertThat(fileType(full)).isEqualTo("character device");
    assertThat(fileType(Path.of("/dev/null"))).isEqualTo("character device");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void devStdoutIsStandardOutputNotAFile() {
    Run r = run("ingest", p("p.nmea"), "-o", "/dev/stdout");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(2).allMatch(l -> l.contains("\"kind\":\"patrol\""));
    assertThat(fileType(Path.of("/dev/stdout"))).isEqualTo("link");
  }

  @Test
  void symlinksStayLinksAndTheirTargetsGetTheContent() throws Exception {
    Path real = dir.resolve("real.ndjson");
    Files.writeString(real, "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.ndjson"), Path.of("real.ndjson"));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.ndjson"), dir.resolve("sub/new.ndjson"));
    assertThat(run("ingest", p("p.nmea"), "-o", link.toString()).code()).isZero();
    assertThat(run("ingest", p("p.nmea"), "-o", dangling.toString()).code()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real.ndjson"));
    assertThat(Files.readAllLines(real)).hasSize(2);
    assertThat(Files.isSymbolicLink(dangling)).isTrue();
    assertThat(Files.readAllLines(dir.resolve("sub/new.ndjson"))).hasSize(2);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void readOnlyOutputsAreRefusedBeforeAnythingIsRead() throws Exception {
    Path ro = Files.writeString(dir.resolve("ro.ndjson"), "keep me\n");
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
    Run r = run("ingest", p("p.nmea"), "-o", ro.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip()).isEqualTo("watchline: " + ro + " is read-only; not replacing it (chmod u+w it, or choose another name)");
    Run rj = run("ingest", p("a.ndjson"), "-o", p("o.ndjson"), "--rejects", ro.toString());
    assertThat(rj.code()).isEqualTo(ExitCode.USAGE);
    assertThat(rj.err()).contains("is read-only");
    assertThat(dir.resolve("o.ndjson")).doesNotExist();
    assertThat(Files.readString(ro)).isEqualTo("keep me\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ro))).isEqualTo("r--r--r--");
  }

  @Test
  void newOutputsHonourTheUmaskAndReplacedOnesKeepTheirMode() throws Exception {
    Path reference = Files.createFile(dir.resolve("reference")); // 0666 minus the umask, as '>' gives
    assertThat(run("ingest", p("p.nmea"), "-o", p("new.ndjson")).code()).isZero();
    assertThat(Files.getPosixFilePermissions(dir.resolve("new.ndjson"))).isEqualTo(Files.getPosixFilePermissions(reference));
    Path kept = Files.writeString(dir.resolve("kept.ndjson"), "old\n");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(run("ingest", p("p.nmea"), "-o", kept.toString()).code()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-r-----");
    assertThat(Files.readAllLines(kept)).hasSize(2);
  }

  // ---------------------------------------------------------------- item 3: rejects

  @Test
  void rejectsGoNextToTheOutputOnlyWhenThereAreAny() throws Exception {
    Path out = dir.resolve("o.ndjson");
    Path rejects = Path.of(out + ".rejects.ndjson");
    Files.writeString(rejects, "{\"reason\":\"from an earlier run\"}\n");
    Run clean = run("ingest", p("p.nmea"), "-o", out.toString());
    assertThat(clean.code()).as(clean.err()).isZero();
    assertThat(rejects).as("no rejects: no file, and the earlier run's is gone").doesNotExist();
    Run bad = run("ingest", p("a.ndjson"), "-o", out.toString());
    assertThat(bad.code()).isZero();
    assertThat(Files.readAllLines(rejects)).singleElement().asString().contains("\"line\":8");
    assertThat(bad.err()).contains("read 41 = accepted 40").contains("ingest: rejected 1 (").contains("written to " + rejects);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void withStdoutTheFirstRejectsAndTheCountsGoToStderrAndNoFileIsWritten() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(obs));
    for (int i = 0; i < 25; i++) {
      lines.add(i % 2 == 0 ? "{broken" : "{\"t\":\"2026-11-27T23:01:00Z\",\"kind\":\"radar\",\"sensor\":\"RDR-1\",\"lat\":91,\"lon\":19}");
    }
    Path many = Files.write(dir.resolve("many.ndjson"), lines);
    Path cwdRejects = Path.of("watchline-rejects.ndjson");
    Files.deleteIfExists(cwdRejects);
    Run r = run("ingest", many.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).hasSize(40);
    assertThat(r.err().lines().filter(l -> l.startsWith("ingest: rejected many.ndjson") || l.startsWith("ingest: rejected " + many)))
        .hasSize(10);
    String counts = r.err().lines().filter(l -> l.startsWith("ingest: rejected 26 (")).findFirst().orElseThrow();
    assertThat(counts).contains("the first 10 shown above").contains("--rejects FILE keeps them all");
    long sum = java.util.regex.Pattern.compile(": (\\d+)[;)]").matcher(counts).results()
        .mapToLong(m -> Long.parseLong(m.group(1))).sum();
    assertThat(sum).as("the counts by reason add up to the rejects: " + counts).isEqualTo(26);
    assertThat(cwdRejects).as("no ./watchline-rejects.ndjson any more").doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void concurrentIngestsKeepTheirOwnRejects() throws Exception {
    List<CompletableFuture<Run>> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String out = p("o" + i + ".ndjson");
      runs.add(CompletableFuture.supplyAsync(() -> {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute("ingest", p("a.ndjson"), "-o", out), "", err.toString());
      }));
    }
    for (int i = 0; i < 4; i++) {
      assertThat(runs.get(i).get(60, TimeUnit.SECONDS).code()).isZero();
      assertThat(Files.readAllLines(dir.resolve("o" + i + ".ndjson.rejects.ndjson"))).hasSize(1);
    }
  }

  // ---------------------------------------------------------------- item 11: nothing usable

  @Test
  void nothingUsableExitsThree() throws Exception {
    Path garbage = Files.write(dir.resolve("garbage.ndjson"), List.of("{broken", "{\"t\":\"x\"}", "[]"));
    Path empty = Files.writeString(dir.resolve("empty.ndjson"), "");
    Run ingest = run("ingest", garbage.toString(), "--input-format", "ndjson", "-o", p("o.ndjson"));
    assertThat(ingest.code()).as(ingest.err()).isEqualTo(ExitCode.NOTHING_USABLE);
    assertThat(ingest.err()).contains("nothing usable was read: all 3 records were rejected");
    assertThat(Files.readAllLines(Path.of(p("o.ndjson") + ".rejects.ndjson"))).hasSize(3);
    Run none = run("ingest", empty.toString(), "--input-format", "ndjson", "-o", p("o2.ndjson"));
    assertThat(none.code()).as(none.err()).isEqualTo(ExitCode.NOTHING_USABLE);
    assertThat(none.err()).contains("the input holds no records");
    Run fuse = run(fuse(garbage.toString(), "-o", p("i.ndjson")));
    assertThat(fuse.code()).as(fuse.err()).isEqualTo(ExitCode.NOTHING_USABLE);
    assertThat(fuse.err()).contains("nothing usable was read");
    Run fuseEmpty = run(fuse(empty.toString()));
    assertThat(fuseEmpty.code()).isEqualTo(ExitCode.NOTHING_USABLE);
    Run export = run("export", garbage.toString(), "-f", "geojson");
    assertThat(export.code()).isEqualTo(ExitCode.NOTHING_USABLE);
    assertThat(export.err()).contains("nothing usable was read: all 3 lines");
    // An empty incident list is a quiet night, not bad input: export writes an empty collection.
    Run quiet = run("export", empty.toString(), "-f", "geojson");
    assertThat(quiet.code()).isZero();
    Run good = run(fuse(obs.toString(), "-o", p("i2.ndjson")));
    assertThat(good.code()).as(good.err()).isZero();
  }

  // ---------------------------------------------------------------- messages

  @Test
  void aDirectoryAsInputIsSaidToBeOne() throws Exception {
    Path d = Files.createDirectory(dir.resolve("feeds"));
    for (Run r : List.of(run("export", d.toString(), "-f", "csv"), run(fuse(d.toString())))) {
      assertThat(r.code()).isEqualTo(ExitCode.USAGE);
      assertThat(r.err()).contains(d + ": is a directory").doesNotContain("no such file");
    }
    Run ingest = run("ingest", d.toString(), p("p.nmea"), "-o", p("o.ndjson"));
    assertThat(ingest.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(ingest.err()).contains(d + ": is a directory");
  }

  @Test
  void aGeoPackageOnAFullDiskSaysSoAndLeavesNothing() throws Exception {
    Path disk = Files.createDirectory(dir.resolve("small-disk"));
    boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", disk.toString())
        .redirectErrorStream(true).start().waitFor() == 0;
    Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)");
    try {
      Run r = run("export", p("a.ndjson"), "-f", "gpkg", "-o", disk.resolve("night.gpkg").toString());
      assertThat(r.code()).isEqualTo(ExitCode.FAILURE);
      assertThat(r.err().strip()).isEqualTo("watchline: I/O error: cannot write " + disk.resolve("night.gpkg")
          + ": no space left on device");
      try (Stream<Path> s = Files.list(disk)) {
        assertThat(s.toList()).as("no database, temporary or journal left").isEmpty();
      }
    } finally {
      new ProcessBuilder("umount", disk.toString()).start().waitFor();
    }
  }

  @Test
  void anOutputFolderThatIsAFileIsSaidToBeOne() throws Exception {
    Path file = Files.writeString(dir.resolve("gaps"), "a file");
    Run cov = run("coverage", "--sites", p("sites.yaml"), "--border", p("border.geojson"), "--output-dir", file.toString());
    assertThat(cov.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cov.err().strip()).isEqualTo("watchline: " + file + " is a file, not a folder; give a new or an earlier output folder");
    Files.writeString(dir.resolve("nightly.yaml"), "output_root: gaps/reports\nborder: border.geojson\nsites: sites.yaml\n"
        + "feeds: {radar: [a.ndjson]}\n");
    Run nightly = run("nightly", "--config", p("nightly.yaml"), "--date", "2026-11-28");
    assertThat(nightly.code()).as(nightly.err()).isEqualTo(ExitCode.USAGE);
    assertThat(nightly.err()).contains("output_root").contains(file + " is a file, not a folder").doesNotContain("I/O error");
  }

  @Test
  void coverageReplacesAnEarlierFolderWholeOrNotAtAll() throws Exception {
    String[] cov = {"coverage", "--sites", p("sites.yaml"), "--border", p("border.geojson"), "--cell", "200m", "-q",
        "--output-dir", p("gaps")};
    assertThat(run(cov).code()).isZero();
    Path gaps = dir.resolve("gaps/gaps.geojson");
    Files.writeString(gaps, "earlier run");
    // A run that fails after the work started (its incidents file is a folder) leaves the folder as it was.
    Files.createDirectory(dir.resolve("incidents"));
    List<String> failing = new ArrayList<>(List.of(cov));
    failing.addAll(List.of("--incidents", p("incidents")));
    Run bad = run(failing.toArray(String[]::new));
    assertThat(bad.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(Files.readString(gaps)).isEqualTo("earlier run");
    assertThat(leftovers()).isEmpty();
    assertThat(run(cov).code()).isZero();
    assertThat(Files.readString(gaps)).startsWith("{");
    // A folder holding someone else's file is not replaced whole.
    Files.writeString(dir.resolve("gaps/notes.txt"), "mine");
    Run foreign = run(cov);
    assertThat(foreign.code()).isEqualTo(ExitCode.USAGE);
    assertThat(foreign.err()).contains("holds notes.txt");
    assertThat(dir.resolve("gaps/notes.txt")).hasContent("mine");
  }

  /** Our hidden temporaries (.name.pid.random.part) left in the test folder. */
  private List<Path> leftovers() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(f -> f.getFileName().toString().contains(".part")).toList();
    }
  }

  static String fileType(Path p) {
    try {
      var a = Files.readAttributes(p, java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) return "link";
      if (a.isRegularFile()) return "regular file";
      if (a.isDirectory()) return "directory";
      Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      int type = ((Integer) mode) & 0170000;
      return type == 0020000 ? "character device" : type == 0010000 ? "fifo" : "other " + Integer.toOctalString(type);
    } catch (IOException e) {
      return "missing";
    }
  }
}
