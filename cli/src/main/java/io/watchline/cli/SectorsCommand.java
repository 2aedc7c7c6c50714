package io.watchline.cli;

import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.SameFiles;
import io.watchline.geo.context.BorderContext;
import io.watchline.geo.sector.Sector;
import io.watchline.geo.sector.SectorFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchline sectors}: cut the border band into sectors. */
@Command(
    name = "sectors",
    header = "Cut a border into sectors with a band on each side.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Cuts a border line into sectors every --every along it, each with a band",
      "of --band on both sides, and writes them as GeoJSON polygons with the",
      "properties id (S-01, S-02, ...), name, border_length_m, side_left and",
      "side_right. With --sectors, reads existing sectors instead (checking them",
      "and computing their border length). A table goes to standard error.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline sectors --border mne-alb.geojson --every 10km --band 5km -o sectors.geojson",
      "  watchline sectors --border mne-alb.geojson --sectors my-sectors.kml > sectors.geojson"
    })
public final class SectorsCommand implements Callable<Integer> {
  @Option(names = "--border", required = true, paramLabel = "FILE",
      description = "Border line file (from 'watchline border', or any LineString with side_left/side_right).")
  Path border;

  @Option(names = "--every", defaultValue = "10km", converter = Distance.class, paramLabel = "DIST",
      description = "Sector length along the border (default ${DEFAULT-VALUE}).")
  double everyM;

  @Option(names = "--band", defaultValue = "5km", converter = Distance.class, paramLabel = "DIST",
      description = "Band width on each side of the border (default ${DEFAULT-VALUE}).")
  double bandM;

  @Option(names = "--sectors", paramLabel = "FILE",
      description = "Read sectors from this file (polygons with id, name) instead of cutting them.")
  Path sectorsFile;

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "FILE",
      description = "Output GeoJSON file, '-' for standard output (default).")
  String output;

  @picocli.CommandLine.Mixin Verbosity log;

  @Override
  public Integer call() throws Exception {
    if (!(everyM >= 100) || !(bandM > 0)) {
      throw new UserException("--every must be at least 100m and --band positive");
    }
    SameFiles.check(java.util.Arrays.asList(border, sectorsFile), SameFiles.outputs("-o", output));
    BorderContext ctx = BorderContext.load(border, sectorsFile, everyM, bandM);
    try (OutputTarget out = OutputTarget.open(output)) {
      SectorFiles.write(out.stream(), ctx.sectors());
      out.commit();
    }
    if (log.quiet()) {
      return ExitCode.OK;
    }
    System.err.printf(Locale.ROOT, "%-8s %10s  %s%n", "sector", "border km", "sides");
    for (Sector s : ctx.sectors()) {
      System.err.printf(Locale.ROOT, "%-8s %10.2f  %s%n", s.id(), s.borderLengthM() / 1000, s.sides());
    }
    System.err.printf(Locale.ROOT, "%d sectors over %.1f km of border%n", ctx.sectors().size(), ctx.borderLengthM() / 1000);
    return ExitCode.OK;
  }
}
