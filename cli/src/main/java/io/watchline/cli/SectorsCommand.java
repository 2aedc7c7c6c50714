package io.watchline.cli;

import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.SameFiles;
import io.watchline.geo.context.BorderContext;
import io.watchline.geo.sector.Sector;
import io.watchline.geo.sector.SectorFiles;
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
  @picocli.CommandLine.Mixin BorderOptions borderOptions = new BorderOptions();

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "FILE",
      description = "Output GeoJSON file, '-' for standard output (default).")
  String output;

  @picocli.CommandLine.Mixin Verbosity log;

  @Override
  public Integer call() throws Exception {
    borderOptions.require();
    if (!(borderOptions.everyM >= 100) || !(borderOptions.bandM > 0)) {
      throw new UserException("--every must be at least 100m and --band positive");
    }
    SameFiles.check(java.util.Arrays.asList(borderOptions.border, borderOptions.sectors), SameFiles.outputs("-o", output));
    BorderContext ctx = borderOptions.load();
    try (OutputTarget out = OutputTarget.open(output)) {
      SectorFiles.write(out.stream(), ctx.sectors());
      out.commit();
    }
    if (log.quiet()) {
      return ExitCode.OK;
    }
    log.err().printf(Locale.ROOT, "%-8s %10s  %s%n", "sector", "border km", "sides");
    for (Sector s : ctx.sectors()) {
      log.err().printf(Locale.ROOT, "%-8s %10.2f  %s%n", s.id(), s.borderLengthM() / 1000, s.sides());
    }
    log.err().printf(Locale.ROOT, "%d sectors over %.1f km of border%n", ctx.sectors().size(), ctx.borderLengthM() / 1000);
    return ExitCode.OK;
  }
}
