package io.watchline.evidence;

import io.watchline.incident.Incident;
import io.watchline.observation.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names the files an incident's evidence points at by SHA-256. Evidence names a file as the reader
 * saw it ({@code radar.ndjson}, {@code feeds/radar-1.ast}); it is found among the run's inputs (by
 * path, else by file name) or relative to the base folder, and hashed once.
 */
public final class SourceHashes {
  private final Path base;
  private final Map<String, Path> known = new LinkedHashMap<>();
  private final Map<String, FileHash> hashes = new HashMap<>();
  private final Map<String, Path> resolved = new LinkedHashMap<>();

  public SourceHashes(Path base) {
    this.base = base;
  }

  /** A file the run read, under the name its records carry. */
  public void known(String name, Path file) {
    known.put(name, file);
  }

  /** The SHA-256 of each file the incident's evidence names, in order; null for a file not found. */
  public Map<String, String> of(Incident incident) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Source s : incident.evidence()) {
      String name = s.file();
      if (name == null || out.containsKey(name)) continue;
      FileHash h = hash(name);
      out.put(name, h == null ? null : h.sha256());
    }
    return out;
  }

  /** Every file resolved so far: name as the evidence gives it, and its hash. */
  public Map<String, FileHash> resolvedFiles() {
    Map<String, FileHash> out = new LinkedHashMap<>();
    resolved.forEach((name, path) -> out.put(name, hashes.get(name)));
    return out;
  }

  public Path pathOf(String name) {
    return resolved.get(name);
  }

  private FileHash hash(String name) throws IOException {
    if (hashes.containsKey(name)) return hashes.get(name);
    Path p = locate(name);
    FileHash h = p == null ? null : FileHash.of(p);
    hashes.put(name, h);
    if (p != null) resolved.put(name, p);
    return h;
  }

  private Path locate(String name) {
    Path direct = known.get(name);
    if (direct != null && Files.isRegularFile(direct)) return direct;
    String fileName = fileName(name);
    Path byName = null;
    int matches = 0;
    for (Map.Entry<String, Path> e : known.entrySet()) {
      if (fileName(e.getKey()).equals(fileName) && Files.isRegularFile(e.getValue())) {
        byName = e.getValue();
        matches++;
      }
    }
    if (matches == 1) return byName;
    try {
      Path rel = base.resolve(name);
      if (Files.isRegularFile(rel)) return rel;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
    return null;
  }

  static String fileName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
