package io.watchline.cli.nightly;

import io.watchline.analytics.archive.NightArchive;
import io.watchline.analytics.archive.NightFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * After a nightly folder is published, adds the night to {@code <output_root>/archive.duckdb};
 * when the archive is missing it is rebuilt from every night folder under the root first. The
 * archive only indexes the folders, so a failure here is reported and never fails the night.
 */
public final class ArchiveNight {
  private ArchiveNight() {}

  /** Returns a line for the log; never throws for an archive problem. */
  public static String append(Path root, Path night, Consumer<String> warn) {
    Path file = root.resolve(NightArchive.DEFAULT_FILE);
    try {
      boolean rebuild = !Files.exists(file);
      try (NightArchive a = NightArchive.open(file)) {
        if (rebuild) {
          return "archive " + file + " was missing, rebuilt from the night folders: " + a.addAll(root);
        }
        NightArchive.Outcome o = a.add(NightFolder.read(night));
        return "archive " + file + ": night " + night.getFileName() + " " + o.name().toLowerCase(java.util.Locale.ROOT);
      }
    } catch (Exception | LinkageError e) {
      // LinkageError: DuckDB's native library could not be loaded on this platform.
      String m = "the night was published but not added to the archive " + file + ": " + e.getMessage()
          + " (run 'watchline archive add " + root + " --archive " + file + "' later)";
      warn.accept(m);
      return m;
    }
  }
}
