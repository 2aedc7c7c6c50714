package io.watchline.cli;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageAnalysis;
import io.watchline.geo.coverage.CoverageOptions;
import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.PatrolFix;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.coverage.SensorUptime;
import io.watchline.geo.coverage.Terrain;
import io.watchline.geo.coverage.LineOfSight;
import io.watchline.geo.dem.DemReader;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.incident.Incident;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage assembled once, for {@code watchline coverage} and the nightly coverage step: the
 * raster frame around border and sensors, the terrain under it, the prepared analysis, and how
 * observations and incidents feed it. The callers differ only in where their inputs come from and
 * which files they write.
 */
public final class CoverageAssembly {
  /** The raster reaches at least this far beyond the sector bands, metres (room for sensors behind the line). */
  static final double MIN_MARGIN_M = 2000;

  private CoverageAssembly() {}

  /**
   * A prepared analysis and the raster it works on.
   *
   * @param frame the raster's placement and size
   * @param terrain the heights under it (bare earth when no DEM was given)
   * @param analysis ready for patrol fixes, then {@link CoverageAnalysis#finish}
   */
  public record Prepared(CoverageResult.GridFrame frame, Terrain terrain, CoverageAnalysis analysis) {}

  /**
   * Frames the raster around the border's sector bands ({@code bandM} wide, at least {@value
   * #MIN_MARGIN_M} m) and the sensors, reads the DEM tiles into one terrain (bare earth at sea level
   * without any) and prepares the analysis.
   *
   * @param dems DEM tiles, a mosaic in this order; empty for bare earth
   * @param bareEarthOutsideDem cells outside every tile count as bare earth instead of unseen
   * @param lineOfSight how visibility is computed (r2, the GDAL sweep, or exact)
   * @throws IOException when a DEM cannot be read
   */
  public static Prepared prepare(BorderContext ctx, List<SensorSpec> sensors, CoverageOptions o, double bandM,
      List<Path> dems, boolean bareEarthOutsideDem, LineOfSight lineOfSight) throws IOException {
    double cellM = o.cellM();
    CoverageResult.GridFrame frame = CoverageAnalysis.frameFor(ctx, sensors, cellM, Math.max(bandM, MIN_MARGIN_M));
    Terrain terrain;
    if (dems.isEmpty()) {
      terrain = Terrain.bareEarth(frame.west(), frame.north(), frame.width(), frame.height(), cellM);
    } else {
      List<ElevationGrid> grids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Path d : dems) {
        grids.add(DemReader.read(d));
        names.add(d.getFileName().toString());
      }
      terrain = Terrain.fromDems(grids, names, ctx.projection(), frame.west(), frame.north(), frame.width(),
          frame.height(), cellM, bareEarthOutsideDem);
    }
    CoverageAnalysis analysis = CoverageAnalysis.prepare(ctx, terrain, sensors, o, lineOfSight);
    return new Prepared(frame, terrain, analysis);
  }

  /**
   * Feeds one observation: a patrol fix with a position becomes a patrol visit, any other record
   * is a sign of life of its sensor ({@code uptime} may be null when liveness is not tracked).
   *
   * @return true when the observation was a usable patrol fix
   */
  public static boolean add(CoverageAnalysis analysis, SensorUptime uptime, Observation ob) {
    if (ob.kind() == Kind.PATROL) {
      if (ob.hasPosition()) {
        analysis.addPatrolFix(new PatrolFix(ob.lat(), ob.lon(), ob.t().toEpochMilli(), patrolUnit(ob)));
        return true;
      }
    } else if (uptime != null) {
      uptime.heard(ob.sensor(), ob.t().toEpochMilli());
    }
    return false;
  }

  /** The patrol a fix belongs to: its unit, else its device, else "patrol" (one unnamed patrol). */
  static String patrolUnit(Observation ob) {
    return ob.unit() != null ? ob.unit() : ob.sensor() != null ? ob.sensor() : "patrol";
  }

  /** An incident as the coverage analysis counts it: where and when it started. */
  public static CoverageAnalysis.IncidentPoint point(Incident i) {
    return new CoverageAnalysis.IncidentPoint(i.id(), i.lat(), i.lon(), i.start().toEpochMilli());
  }
}
