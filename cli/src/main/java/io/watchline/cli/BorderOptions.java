package io.watchline.cli;

import io.watchline.geo.context.BorderContext;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The border and its sectors, as every command that needs them takes them (a picocli mixin):
 * {@code --border FILE}, and either {@code --sectors FILE} or sectors cut {@code --every} long with
 * {@code --band} on each side, as {@code watchline sectors} cuts them.
 */
public final class BorderOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = {"--border", "--borders"}, paramLabel = "FILE",
      description = "Border line (GeoJSON, KML, WKT, GeoPackage; a LineString with side_left/side_right, e.g. from 'watchline border').")
  Path border;

  @Option(names = "--sectors", paramLabel = "FILE",
      description = "Sector polygons (with id, name); default: cut every --every with a band of --band.")
  Path sectors;

  @Option(names = {"--sector-every", "--every"}, paramLabel = "DIST", defaultValue = "10km", converter = Distance.class,
      description = "Sector length when cutting sectors (default ${DEFAULT-VALUE}).")
  double everyM;

  @Option(names = "--band", paramLabel = "DIST", defaultValue = "5km", converter = Distance.class,
      description = "Band on each side of the border when cutting sectors (default ${DEFAULT-VALUE}).")
  double bandM;

  /**
   * For commands that cannot work without a border: the usage error picocli gives any missing
   * required option (--border is optional for the commands that only use it for sector names).
   */
  void require() {
    if (border == null) {
      throw new ParameterException(command.commandLine(), "Missing required option: '--border=FILE'");
    }
  }

  /** Reads the border and its sectors (file, or cut). */
  BorderContext load() throws IOException {
    return BorderContext.load(border, sectors, everyM, bandM);
  }
}
