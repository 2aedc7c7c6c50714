package io.watchline.evidence;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The nightly archive as a hash chain: {@code ROOT/<yyyy-MM-dd>/manifest.json} of each night names
 * the SHA-256 of the manifest of the night before it (the latest earlier dated folder at the time
 * it ran), and hashes every file of its own folder. Removing, inserting or editing a past night
 * therefore breaks a link that {@link #verify} names.
 */
public final class NightChain {
  public static final String MANIFEST = "manifest.json";
  private static final Pattern NIGHT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private NightChain() {}

  /** The night folders of the archive by date (hidden temporaries excluded). */
  public static TreeMap<String, Path> nights(Path root) throws IOException {
    TreeMap<String, Path> out = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && NIGHT.matcher(name).matches()) out.put(name, p);
      }
    }
    return out;
  }

  /** The link a new night {@code date} chains to: the latest earlier night with a manifest, or null. */
  public static RunManifest.Previous previousOf(Path root, String date) throws IOException {
    if (!Files.isDirectory(root)) return null;
    var earlier = nights(root).headMap(date, false).descendingMap();
    for (var e : earlier.entrySet()) {
      Path m = e.getValue().resolve(MANIFEST);
      if (Files.isRegularFile(m)) {
        return new RunManifest.Previous(e.getKey(), "../" + e.getKey() + "/" + MANIFEST, FileHash.of(m).sha256());
      }
    }
    return null;
  }

  /** One finding; {@code night} is the folder it is about. */
  public record Problem(String night, String message) {
    @Override
    public String toString() {
      return night + ": " + message;
    }
  }

  /**
   * Checks every night in date order: its manifest reads, every output it lists has the hash it
   * lists, and its link names the previous night's manifest by the hash that manifest has now.
   * Returns the problems, the first broken link first; empty when the chain is whole.
   */
  public static List<Problem> verify(Path root) throws IOException {
    List<Problem> problems = new ArrayList<>();
    TreeMap<String, Path> nights = nights(root);
    if (nights.isEmpty()) {
      problems.add(new Problem(root.toString(), "no night folders (yyyy-MM-dd) in this archive"));
      return problems;
    }
    String prevNight = null;
    String prevHash = null;
    for (var e : nights.entrySet()) {
      String night = e.getKey();
      Path manifestFile = e.getValue().resolve(MANIFEST);
      if (!Files.isRegularFile(manifestFile)) {
        problems.add(new Problem(night, "no " + MANIFEST + ": the night cannot be linked"));
        prevNight = night;
        prevHash = null;
        continue;
      }
      RunManifest m;
      try {
        m = RunManifest.read(manifestFile);
      } catch (IOException ex) {
        problems.add(new Problem(night, ex.getMessage()));
        prevNight = night;
        prevHash = null;
        continue;
      }
      RunManifest.Previous link = m.previous();
      if (prevNight == null) {
        if (link != null) {
          problems.add(new Problem(night, "links to night " + link.night() + " (manifest sha256 " + link.sha256()
              + "), which is not in the archive: earlier nights were removed"));
        }
      } else if (link == null) {
        problems.add(new Problem(night, "has no link to the night before, but " + prevNight + " precedes it"));
      } else if (!link.night().equals(prevNight)) {
        problems.add(new Problem(night, "links to night " + link.night() + ", but the night before it in the archive is "
            + prevNight + (link.night().compareTo(prevNight) > 0 ? ": night " + link.night() + " was removed"
                : ": night " + prevNight + " was inserted afterwards")));
      } else if (prevHash != null && !link.sha256().equals(prevHash)) {
        problems.add(new Problem(night, "links to " + prevNight + "/" + MANIFEST + " with sha256 " + link.sha256()
            + ", but that manifest now has sha256 " + prevHash + ": night " + prevNight + "'s manifest was altered"));
      }
      for (RunManifest.Entry out : m.outputs()) {
        Path f = e.getValue().resolve(out.path());
        if (!Files.isRegularFile(f)) {
          problems.add(new Problem(night, out.path() + " is missing (listed with sha256 " + out.sha256() + ")"));
          continue;
        }
        FileHash h = FileHash.of(f);
        if (!h.sha256().equals(out.sha256())) {
          problems.add(new Problem(night, out.path() + " has sha256 " + h.sha256() + ", the manifest lists "
              + out.sha256() + ": the file was altered after the run"));
        }
      }
      prevNight = night;
      prevHash = FileHash.of(manifestFile).sha256();
    }
    return problems;
  }
}
