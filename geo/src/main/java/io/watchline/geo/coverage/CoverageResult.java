package io.watchline.geo.coverage;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Everything one coverage analysis found; geometry in WGS84 lon/lat unless named {@code Xy}.
 *
 * @param frame the coverage raster's placement in the local projection
 * @param seenPd combined detection probability per raster cell (row-major from the north-west)
 * @param patrolled 1 where a patrol passed within half the sweep width during counted time
 * @param inBand 1 where the cell lies in a sector of the border band
 */
public record CoverageResult(
    GridFrame frame, float[] seenPd, byte[] patrolled, List<BorderSample> samples, List<Gap> gaps,
    List<SectorRow> sectors, List<Suggestion> suggestions, List<Track> tracks, List<SensorSpec> sensors,
    LineString borderLonLat, List<Geometry> sectorPolygons, List<String> sectorIds, Terrain terrain,
    CoverageOptions options, PatrolStats patrolStats, List<String> notes,
    io.watchline.geo.proj.LocalProjection projection, byte[] inBand, List<SensorUptime.Availability> availability) {

  /** True when sensor availability came from observations (false: every sensor assumed up). */
  public boolean availabilityChecked() {
    return availability != null;
  }

  /** The availability of one sensor, or null when not checked. */
  public SensorUptime.Availability availabilityOf(String sensorId) {
    if (availability == null) return null;
    for (SensorUptime.Availability a : availability) {
      if (a.sensor().equals(sensorId)) return a;
    }
    return null;
  }

  /** Placement of the coverage raster: north-west corner and cell size in projected metres. */
  public record GridFrame(double west, double north, double cellM, int width, int height) {
    public double centerX(int col) { return west + (col + 0.5) * cellM; }
    public double centerY(int row) { return north - (row + 0.5) * cellM; }
    public int colOf(double x) { return (int) Math.floor((x - west) / cellM); }
    public int rowOf(double y) { return (int) Math.floor((north - y) / cellM); }
    public boolean contains(int c, int r) { return c >= 0 && r >= 0 && c < width && r < height; }
  }

  /**
   * A point of the border line standing for {@code lengthM} of it (at most {@code sampleM}; samples
   * never straddle a sector's end). {@code seenPd}: detection probability of all sensors together
   * when all are up; {@code sensorSeen}: live sensors watched it for all the counted time;
   * {@code unwatched}: the counted time nobody (live sensor or patrol) watched it, as intervals.
   */
  public record BorderSample(
      double x, double y, double lat, double lon, double alongM, double lengthM, String sector, float seenPd,
      boolean sensorSeen, int visits, long unwatchedMillis, long worstGapMillis, boolean uncovered, long[] unwatched) {}

  /** A run of border no sensor sees and no patrol visits often enough, at least the minimum long. */
  public record Gap(
      String id, List<String> sectors, double fromM, double toM, double lengthM, double meanUnwatchedHours,
      LineString lineLonLat, Geometry polygonLonLat, int incidents, long[] unwatched) {}

  /**
   * One row of sectors.csv. {@code borderKm} is the border line in the sector; {@code sensorKm}
   * (watched by live sensors all the counted time) and {@code patrolKm} (not that, but visited by a
   * patrol) are disjoint parts of it; {@code uncoveredKm} (in gaps) is a part of the rest.
   * {@code unwatchedKmH}: border km times hours nobody watched it; {@code unwatched}: when;
   * {@code noTerrainKm}: border outside every DEM (never counted as seen).
   */
  public record SectorRow(
      String id, String name, double borderKm, double uncoveredKm, double uncoveredPct, double sensorKm,
      double patrolKm, double hoursUncovered, double worstRevisitHours, double bandUncoveredPct, int gaps,
      int incidentsInGaps, double unwatchedKmH, long[] unwatched, double noTerrainKm) {}

  /** An extra sensor site or patrol route, in greedy order, with the border it would add. */
  public record Suggestion(
      int rank, String kind, double lat, double lon, LineString routeLonLat, double addedKm, double cumulativeKm,
      String sector) {}

  /** A patrol unit's path inside the window (decimated for drawing). */
  public record Track(String unit, double[] lonLat) {}

  /** What happened to the patrol fixes. */
  public record PatrolStats(long fixes, long inWindow, long counted, int units) {}
}
