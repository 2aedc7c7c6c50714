package io.watchline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchline.ndjson.LineReader;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code watchline evidence verify PKG}: every hash of the package again, every excerpt against its
 * listed hash (and, with originals, against the original file at its offset), the ties between
 * records, observations, incident and run manifest, and the reproduction by fusion. Every failure
 * names the file and, where there is one, the offset.
 */
public final class PackVerifier {
  /** What was found: failures make verification fail; notes are for the reader. */
  public record Report(List<String> failures, List<String> notes) {
    public boolean ok() {
      return failures.isEmpty();
    }
  }

  private final Path dir;
  private final List<String> failures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private PackVerifier(Path dir) {
    this.dir = dir;
  }

  public static Report verify(Path dir, List<Path> originalsDirs, boolean reproduce) throws IOException {
    PackVerifier v = new PackVerifier(dir);
    v.run(originalsDirs, reproduce);
    return new Report(v.failures, v.notes);
  }

  private void run(List<Path> originalsDirs, boolean reproduce) throws IOException {
    Path pj = dir.resolve(EvidencePack.PACKAGE_JSON);
    if (!Files.isRegularFile(pj)) {
      failures.add(pj + ": missing; " + dir + " is not an evidence package");
      return;
    }
    JsonNode pkg;
    try {
      pkg = RunManifest.JSON.readTree(pj.toFile());
    } catch (IOException e) {
      failures.add(pj + ": not readable JSON (" + e.getMessage() + ")");
      return;
    }
    if (!EvidencePack.FORMAT.equals(pkg.path("format").asText())) {
      failures.add(pj + ": not an evidence package (format " + pkg.path("format").asText() + ")");
      return;
    }
    for (String rel : pkg.findValuesAsText("path")) inside(rel);
    for (String rel : pkg.findValuesAsText("excerpts")) inside(rel);
    for (String k : List.of("border", "sectors", "sites")) {
      if (pkg.path("fusion").hasNonNull(k)) inside(pkg.path("fusion").get(k).asText());
    }
    inside(pkg.path("run").path("manifest").asText("run/manifest.json"));
    if (!failures.isEmpty()) return; // a package that points outside itself is not examined further
    checkFiles(pkg);
    Map<Source, String> records = checkRecords(pkg);
    checkRunManifest(pkg);
    checkIncident(pkg);
    checkObservations(records);
    if (!originalsDirs.isEmpty()) checkOriginals(pkg, originalsDirs);
    BuildInfo b = BuildInfo.current();
    if (!b.version().equals(pkg.path("version").asText()) || !b.commit().equals(pkg.path("commit").asText())) {
      notes.add("the package was made by watchline " + pkg.path("version").asText() + " (commit " + pkg.path("commit").asText()
          + "); this is " + b.version() + " (commit " + b.commit() + "): reproduce with the package's version for a like-for-like run");
    }
    if (reproduce && failures.isEmpty()) {
      Reproduction.Outcome r = Reproduction.run(dir, pkg);
      if (r.same()) {
        notes.add("reproduced: fusion on the " + pkg.path("observations").asInt() + " packaged observations gives "
            + r.closest().kind().wireName() + " in " + r.closest().sector() + " " + r.closest().side() + " at "
            + r.closest().start() + " (" + r.incidents() + " incident(s) in all)");
      } else if (r.closest() == null) {
        failures.add("observations.ndjson: fusion on the packaged observations produced no incident at all; expected "
            + pkg.path("expected"));
      } else {
        failures.add("observations.ndjson: fusion does not reproduce " + pkg.path("incident").asText() + ": the closest incident differs: "
            + r.difference());
      }
    } else if (reproduce) {
      notes.add("fusion was not re-run: the package failed the checks above");
    }
  }

  /** package.json lists every file with its hash; a listed file altered or missing, or an unlisted one, fails. */
  private void checkFiles(JsonNode pkg) throws IOException {
    Set<String> listed = new HashSet<>();
    for (JsonNode f : pkg.path("files")) {
      String rel = f.path("path").asText();
      listed.add(rel);
      Path p = dir.resolve(rel);
      if (!Files.isRegularFile(p)) {
        failures.add(p + ": missing (package.json lists sha256 " + f.path("sha256").asText() + ")");
        continue;
      }
      FileHash h = FileHash.of(p);
      if (!h.sha256().equals(f.path("sha256").asText())) {
        failures.add(p + ": sha256 " + h.sha256() + ", package.json lists " + f.path("sha256").asText() + " (size " + h.size()
            + ", listed " + f.path("size").asLong() + "): the file was altered");
      }
    }
    for (Path rel : PackageFiles.all(dir)) {
      if (!listed.contains(PackageFiles.slashes(rel))) failures.add(dir.resolve(rel) + ": not listed in package.json (added later)");
    }
  }

  /** Every excerpt against its own hash; returns the records by source with their excerpt bytes' hash. */
  private Map<Source, String> checkRecords(JsonNode pkg) throws IOException {
    Map<Source, String> byOffset = new HashMap<>();
    Path index = dir.resolve("records.ndjson");
    if (!Files.isRegularFile(index)) {
      failures.add(index + ": missing");
      return byOffset;
    }
    Map<String, FileChannel> open = new HashMap<>();
    try (LineReader lines = new LineReader(Files.newInputStream(index))) {
      while (lines.next()) {
        if (lines.blank()) continue;
        JsonNode r = RunManifest.JSON.readTree(lines.text());
        String excerpt = r.path("excerpt").asText();
        if (inside(excerpt) == null) continue;
        long at = r.path("excerpt_offset").asLong();
        int len = r.path("length").asInt();
        String where = dir.resolve(excerpt) + " bytes " + at + ".." + (at + len) + " (record of " + r.path("file").asText()
            + " @ offset " + r.path("offset").asLong() + ")";
        FileChannel ch = open.get(excerpt);
        if (ch == null && Files.isRegularFile(dir.resolve(excerpt))) {
          ch = FileChannel.open(dir.resolve(excerpt));
          open.put(excerpt, ch);
        }
        byte[] bytes = ch == null ? null : read(ch, at, len);
        if (bytes == null) {
          failures.add(where + ": not in the package");
          continue;
        }
        String sha = FileHash.sha256(bytes);
        if (!sha.equals(r.path("sha256").asText())) {
          failures.add(where + ": sha256 " + sha + ", records.ndjson lists " + r.path("sha256").asText() + ": the excerpt was altered");
        }
        byOffset.put(new Source(r.path("file").asText(), r.path("offset").asLong(), Source.ABSENT), sha);
      }
    } finally {
      for (FileChannel ch : open.values()) ch.close();
    }
    return byOffset;
  }

  private void checkRunManifest(JsonNode pkg) throws IOException {
    Path m = dir.resolve(pkg.path("run").path("manifest").asText("run/manifest.json"));
    if (!Files.isRegularFile(m)) {
      failures.add(m + ": missing");
      return;
    }
    String sha = FileHash.of(m).sha256();
    if (!sha.equals(pkg.path("run").path("manifest_sha256").asText())) {
      failures.add(m + ": sha256 " + sha + ", package.json names the run manifest " + pkg.path("run").path("manifest_sha256").asText());
      return;
    }
    RunManifest manifest;
    try {
      manifest = RunManifest.read(m);
    } catch (IOException e) {
      failures.add(e.getMessage());
      return;
    }
    for (JsonNode s : pkg.path("sources")) {
      String name = s.path("file").asText();
      boolean named = manifest.inputs().stream().anyMatch(e -> e.sha256().equals(s.path("sha256").asText()));
      if (!named) {
        failures.add(m + ": names no input with sha256 " + s.path("sha256").asText() + " (" + name
            + "): the records do not come from a file this run read");
      }
    }
    boolean incidents = manifest.outputs().stream().anyMatch(e -> e.sha256().equals(pkg.path("run").path("incidents_sha256").asText()));
    if (!incidents) failures.add(m + ": lists no output with the incident list's sha256 " + pkg.path("run").path("incidents_sha256").asText());
  }

  private void checkIncident(JsonNode pkg) throws IOException {
    Path p = dir.resolve("incident.json");
    if (!Files.isRegularFile(p)) return; // reported as missing by checkFiles
    byte[] b = Files.readAllBytes(p);
    IncidentLine line;
    try {
      line = IncidentLine.parse(java.util.Arrays.copyOf(b, Math.max(0, b.length - 1)), 0, 1, p.toString());
    } catch (IOException e) {
      failures.add(e.getMessage());
      return;
    }
    if (!line.incident().id().equals(pkg.path("incident").asText())) {
      failures.add(p + ": is incident " + line.incident().id() + ", package.json says " + pkg.path("incident").asText());
    }
    List<String> d = Reproduction.differences(pkg.path("expected"), line.incident());
    if (!d.isEmpty()) failures.add(p + ": differs from package.json's expected incident: " + String.join("; ", d));
  }

  /** Every observation fusion re-runs on must come from a packaged record. */
  private void checkObservations(Map<Source, String> records) throws IOException {
    Path p = dir.resolve("observations.ndjson");
    if (!Files.isRegularFile(p)) return;
    try (NdjsonObservationReader r = new NdjsonObservationReader(Files.newInputStream(p), p.toString(),
        rej -> failures.add(p + " line " + rej.src().line() + " @ offset " + rej.src().offset() + ": " + rej.reason()))) {
      for (Observation o; (o = r.next()) != null; ) {
        Source key = new Source(o.src().file(), o.src().offset(), Source.ABSENT);
        if (!records.containsKey(key)) {
          failures.add(p + ": observation at " + o.t() + " names " + o.src() + ", which is no packaged record");
        }
      }
    }
  }

  private void checkOriginals(JsonNode pkg, List<Path> dirs) throws IOException {
    Map<String, Path> found = new HashMap<>();
    for (JsonNode s : pkg.path("sources")) {
      String name = s.path("file").asText();
      Path orig = Originals.inFolders(dirs, name);
      if (orig == null) {
        failures.add(name + ": no original in " + dirs);
        continue;
      }
      found.put(name, orig);
      FileHash h = FileHash.of(orig);
      if (!h.sha256().equals(s.path("sha256").asText())) {
        failures.add(orig + ": sha256 " + h.sha256() + ", the run read " + s.path("sha256").asText() + " (size " + h.size()
            + ", was " + s.path("size").asLong() + "): the original was altered since the run");
      }
    }
    Map<String, FileChannel> open = new HashMap<>();
    try (LineReader lines = new LineReader(Files.newInputStream(dir.resolve("records.ndjson")))) {
      while (lines.next()) {
        if (lines.blank()) continue;
        JsonNode r = RunManifest.JSON.readTree(lines.text());
        Path orig = found.get(r.path("file").asText());
        if (orig == null || inside(r.path("excerpt").asText()) == null) continue;
        long off = r.path("offset").asLong();
        int len = r.path("length").asInt();
        FileChannel o = open.computeIfAbsent(orig.toString(), k -> openQuietly(orig));
        FileChannel e = open.computeIfAbsent(dir.resolve(r.path("excerpt").asText()).toString(),
            k -> openQuietly(dir.resolve(r.path("excerpt").asText())));
        if (o == null || e == null) continue;
        byte[] a = read(o, off, len);
        byte[] b = read(e, r.path("excerpt_offset").asLong(), len);
        if (a == null) {
          failures.add(orig + " @ offset " + off + ": the original ends before this record's " + len + " bytes");
          continue;
        }
        if (b != null && !java.util.Arrays.equals(a, b)) {
          int i = java.util.Arrays.mismatch(a, b);
          failures.add(orig + " @ offset " + off + " (" + len + "-byte record): differs from the excerpt at byte " + (off + i)
              + " of the original");
        }
      }
    } finally {
      for (FileChannel ch : open.values()) if (ch != null) ch.close();
    }
  }

  /** The package file at {@code rel}, or null (and a failure) when the name leads outside the package. */
  private Path inside(String rel) {
    Path root = dir.toAbsolutePath().normalize();
    Path p = root.resolve(rel).normalize();
    if (p.startsWith(root) && !p.equals(root)) return p;
    String f = "package.json or records.ndjson names '" + rel + "', which is outside the package";
    if (!failures.contains(f)) failures.add(f);
    return null;
  }

  private static FileChannel openQuietly(Path p) {
    try {
      return FileChannel.open(p);
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code len} bytes at {@code at}, or null when the file ends before. */
  private static byte[] read(FileChannel ch, long at, int len) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(len);
    while (buf.hasRemaining()) {
      int n = ch.read(buf, at + buf.position());
      if (n <= 0) return null;
    }
    return buf.array();
  }
}
