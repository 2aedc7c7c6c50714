package io.watchline.cli;

import io.watchline.analytics.archive.NightArchive;
import io.watchline.cli.io.OutputTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchline archive}: the DuckDB archive of nights that {@code trends} and {@code plan} read. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    header = "Keep the night archive (incidents, sector coverage, sensor up-time) for trends and plans.",
    description = {
      "The archive is one DuckDB file (nightly keeps <output_root>/archive.duckdb). The nightly folders'",
      "incidents.ndjson and sectors.csv stay the record of truth: the archive can be rebuilt from them",
      "at any time, and adding a night twice changes nothing. See docs/trends.md.",
      ""
    },
    footer = {"", "Examples:", "  watchline archive add /var/lib/watchline/nightly --archive /var/lib/watchline/nightly/archive.duckdb",
      "  watchline archive rebuild /var/lib/watchline/nightly --archive /var/lib/watchline/nightly/archive.duckdb"},
    subcommands = {ArchiveCommand.Add.class, ArchiveCommand.Rebuild.class})
public final class ArchiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin Verbosity log;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  @Command(name = "add", mixinStandardHelpOptions = true, header = "Add nights to the archive.",
      description = {"DIR is a nightly output root, one night folder, or a simulated months folder",
          "('simulate --planted-changes'). A night already there with the same files is left alone;",
          "one whose files changed is replaced.", ""},
      footer = {"", "Examples:", "  watchline archive add /var/lib/watchline/nightly --archive /var/lib/watchline/nightly/archive.duckdb",
          "  watchline archive add /tmp/months --archive /tmp/months.duckdb"})
  static final class Add implements Callable<Integer> {
    @Mixin Target target;

    @Mixin Verbosity log;

    @Override
    public Integer call() throws IOException {
      return ArchiveCommand.add(target.dirs, target.archive, log);
    }
  }

  @Command(name = "rebuild", mixinStandardHelpOptions = true, header = "Rebuild the archive from the night folders.",
      description = {"Builds a new archive from every night under DIR beside the old one and renames it into",
          "place, so a lost or damaged archive comes back from the NDJSON it indexes.", ""},
      footer = {"", "Examples:", "  watchline archive rebuild /var/lib/watchline/nightly --archive /var/lib/watchline/nightly/archive.duckdb"})
  static final class Rebuild implements Callable<Integer> {
    @Mixin Target target;

    @Mixin Verbosity log;

    @Override
    public Integer call() throws IOException {
      Path archive = target.archive;
      // built under a temporary name beside the old archive and renamed into place, as every file output
      try (OutputTarget fresh = OutputTarget.openPath(archive.toString(), ".duckdb")) {
        Path built = fresh.tempPath();
        try {
          int rc = ArchiveCommand.add(target.dirs, built, log);
          if (rc == ExitCode.OK) {
            Files.deleteIfExists(archive.resolveSibling(archive.getFileName() + ".wal"));
            fresh.commit();
          }
          return rc;
        } finally {
          Files.deleteIfExists(built.resolveSibling(built.getFileName() + ".wal"));
        }
      }
    }
  }

  /** The folders of nights and the archive file, as both subcommands take them. */
  static final class Target {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of nights.")
    List<Path> dirs;

    @Option(names = "--archive", required = true, paramLabel = "DB", description = "The archive file (created when absent).")
    Path archive;
  }

  static int add(List<Path> dirs, Path archive, Verbosity log) throws IOException {
    for (Path d : dirs) {
      if (!Files.isDirectory(d)) throw new UserException(d + ": not a folder of nights");
      if (d.toAbsolutePath().normalize().equals(archive.toAbsolutePath().normalize())) {
        throw new UserException("--archive " + archive + " is the input folder itself");
      }
    }
    int nights = 0;
    try (NightArchive a = NightArchive.open(archive)) {
      for (Path d : dirs) {
        NightArchive.Summary s = a.addAll(d);
        nights += s.added() + s.replaced() + s.unchanged();
        log.info("archive: " + d + ": " + s);
        s.problems().stream().limit(10).forEach(log::warn);
      }
    }
    if (nights == 0) {
      log.warn("no night folders (YYYY-MM-DD/ with incidents.ndjson) found in " + dirs);
      return ExitCode.NOTHING_USABLE;
    }
    return ExitCode.OK;
  }
}
