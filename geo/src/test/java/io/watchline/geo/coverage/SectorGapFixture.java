package io.watchline.geo.coverage;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.dem.AsciiGrid;
import io.watchline.geo.dem.DemReader;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.proj.LocalProjection;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * The scene of {@code SectorGapAgainstGdalTest}: a border line across the Prokletije UTM clip,
 * three masts, and the terrain as the coverage engine resamples it. {@link #main} exports that
 * terrain grid (ESRI ASCII + the projection) and prints the gdal_viewshed commands that made the
 * committed reference rasters in src/test/resources/sector-gap-gdal/.
 */
public final class SectorGapFixture {
  static final double CELL = 60;
  static final LineString BORDER = new GeometryFactory().createLineString(new Coordinate[] {
      new Coordinate(19.70, 42.50), new Coordinate(19.76, 42.56), new Coordinate(19.80, 42.60), new Coordinate(19.86, 42.53)});
  static final List<SensorSpec> SENSORS = List.of(
      new SensorSpec("M-1", 42.545, 19.745, 10, 0, 360, 0, 6000, ViewshedParams.OPTICAL_CURVATURE),
      new SensorSpec("M-2", 42.585, 19.820, 25, 0, 360, 0, 6000, ViewshedParams.RADAR_CURVATURE),
      new SensorSpec("M-3", 42.520, 19.840, 15, 0, 360, 0, 5000, ViewshedParams.RADAR_CURVATURE));

  static BorderContext context() {
    return BorderContext.of(BORDER, "A", "B", null, 5000, 3000);
  }

  static Terrain terrain(BorderContext ctx) throws Exception {
    Path dem = Path.of(SectorGapFixture.class.getResource("/viewshed-gdal/prokletije_utm34n_60m.tif").toURI());
    ElevationGrid g = DemReader.read(dem);
    GridFrame f = CoverageAnalysis.frameFor(ctx, SENSORS, CELL, 1500);
    return Terrain.fromDem(g, "prokletije_utm34n_60m.tif", ctx.projection(), f.west(), f.north(), f.width(), f.height(), CELL);
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "/tmp/sector-gap-gdal");
    Files.createDirectories(out);
    BorderContext ctx = context();
    Terrain t = terrain(ctx);
    ElevationGrid g = t.grid();
    try (OutputStream os = Files.newOutputStream(out.resolve("terrain.asc"))) {
      AsciiGrid.write(os, g.width(), g.height(), g.west(), g.south(), CELL, g.values());
    }
    System.out.println("# projection: " + ctx.projection().definition());
    System.out.println("# frame: west " + g.west() + " north " + g.north() + " " + g.width() + "x" + g.height());
    for (SensorSpec s : SENSORS) {
      LocalProjection.Xy xy = ctx.projection().forward(s.lat(), s.lon());
      int col = g.colOf(xy.x());
      int row = g.rowOf(xy.y());
      System.out.printf(Locale.ROOT,
          "gdal_viewshed -q -oz %s -tz 1.7 -cc %s -md %s -ox %.3f -oy %.3f -co COMPRESS=DEFLATE terrain.asc vs_%s.tif  # cell %d,%d%n",
          trim(s.heightM()), trim(s.curvatureCoeff()), trim(s.rangeMaxM()), g.west() + (col + 0.25) * CELL,
          g.north() - (row + 0.25) * CELL, s.id(), col, row);
    }
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
