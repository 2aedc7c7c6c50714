package io.watchline.cli;

import io.watchline.analytics.archive.NightArchive;
import io.watchline.analytics.trends.TrendAnalysis;
import io.watchline.analytics.trends.TrendsWriter;
import io.watchline.analytics.trends.WeekGrid;
import io.watchline.cli.io.StagedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchline trends}: what changed along the border over weeks and months. */
@Command(
    name = "trends",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Trends over weeks: per-sector trend tests, emerging hotspots, displacement, impact levels.",
    description = {
      "Reads the night archive (see 'watchline archive') and writes, per sector and week, incidents by",
      "kind, group size, direction, hour of night and share in coverage gaps; a Mann-Kendall trend test",
      "per sector; emerging hotspots (the last 1-3 weeks against the sector's earlier rate, with the",
      "Benjamini-Hochberg q over all sector-weeks) in hotspots.csv; displacement (a sector's crossings",
      "fell after its watched km rose while a neighbour's rose); a suggested impact level per sector",
      "(EUROSUR, Art. 34). Output: report.html with charts, the charts as SVG, a CSV of every figure",
      "and summary.txt. See docs/trends.md.",
      ""
    },
    footer = {"", "Examples:",
      "  watchline trends --archive /var/lib/watchline/nightly/archive.duckdb --output-dir trends/",
      "  watchline trends --archive a.duckdb --from 2026-01-05 --to 2026-04-26 --output-dir q1/"})
public final class TrendsCommand implements Callable<Integer> {
  @Option(names = "--archive", required = true, paramLabel = "DB", description = "The night archive.")
  Path archive;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = SimulateCommand.DateConverter.class,
      description = "First night (default: the archive's first); weeks start on this date.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = SimulateCommand.DateConverter.class,
      description = "Last night (default: the archive's last).")
  LocalDate to;

  @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Mixin Verbosity log;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(archive)) {
      throw new UserException("--archive " + archive + ": no such file (build it with 'watchline archive add')");
    }
    Set<String> files = Set.copyOf(TrendsWriter.FILES);
    StagedFolder.check(out, files);
    TrendAnalysis a;
    try (NightArchive db = NightArchive.openExisting(archive)) {
      if (db.nights().isEmpty()) {
        log.warn("the archive " + archive + " holds no nights");
        return ExitCode.NOTHING_USABLE;
      }
      a = new TrendAnalysis(WeekGrid.load(db, from, to));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    try (StagedFolder staged = StagedFolder.create(out, files)) {
      TrendsWriter.write(a, staged.dir());
      staged.publish();
    }
    log.info("trends " + a.grid.from + " to " + a.grid.to + ": " + a.grid.weeks + " weeks, " + a.grid.sectors.size()
        + " sectors, " + a.hotspots.stream().filter(TrendAnalysis.Hotspot::emerging).count() + " emerging hotspot cells, "
        + a.displacements.size() + " displacements -> " + out.resolve("report.html"));
    return ExitCode.OK;
  }
}
