package io.watchline.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the original files a run read by their SHA-256: in the folders the investigator names, at
 * the paths the manifest recorded, beside the run. A file with the right name but another hash is
 * not the original, and is reported as such.
 */
public final class Originals {
  private final List<Path> searchDirs;
  private final Path runDir;
  private final RunManifest manifest;
  private final Map<Path, FileHash> hashes = new HashMap<>();

  public Originals(List<Path> searchDirs, Path runDir, RunManifest manifest) {
    this.searchDirs = List.copyOf(searchDirs);
    this.runDir = runDir;
    this.manifest = manifest;
  }

  /** The file the run read as {@code name} with this hash; throws naming every place looked at. */
  public Path find(String name, String sha256) throws IOException {
    List<String> looked = new ArrayList<>();
    for (Path p : candidates(name, sha256)) {
      if (!Files.isRegularFile(p)) continue;
      FileHash h = hash(p);
      if (h.sha256().equals(sha256)) return p;
      looked.add(p + " (sha256 " + h.sha256() + ")");
    }
    throw new IOException("no original of '" + name + "' with sha256 " + sha256 + " found"
        + (looked.isEmpty() ? " (no file of that name; give --originals DIR)" : "; differing: " + String.join(", ", looked)));
  }

  /** The first file named {@code name} (as a path, else by its file name) in the folders, or null. */
  static Path inFolders(List<Path> dirs, String name) {
    for (Path d : dirs) {
      for (String n : List.of(name, SourceHashes.fileName(name))) {
        Set<Path> one = new LinkedHashSet<>();
        add(one, d, n);
        for (Path c : one) if (Files.isRegularFile(c)) return c;
      }
    }
    return null;
  }

  public FileHash hash(Path p) throws IOException {
    Path key = p.toAbsolutePath().normalize();
    FileHash h = hashes.get(key);
    if (h == null) {
      h = FileHash.of(key);
      hashes.put(key, h);
    }
    return h;
  }

  private Set<Path> candidates(String name, String sha256) {
    Set<Path> out = new LinkedHashSet<>();
    String fileName = SourceHashes.fileName(name);
    for (Path d : searchDirs) {
      add(out, d, name);
      add(out, d, fileName);
    }
    for (RunManifest.Entry e : manifest.inputs()) {
      if (e.sha256().equals(sha256) || e.path().equals(name)) {
        if (e.absolute() != null) add(out, null, e.absolute());
        add(out, runDir, e.path());
      }
    }
    add(out, runDir, name);
    add(out, null, name);
    return out;
  }

  private static void add(Set<Path> out, Path dir, String name) {
    try {
      out.add(dir == null ? Path.of(name) : dir.resolve(name));
    } catch (InvalidPathException e) {
      // a name no file system can hold is simply not a candidate
    }
  }
}
