package io.watchline.geo.coverage;

import io.watchline.geo.dem.ElevationGrid;
import java.util.Locale;

/** The viewshed algorithms a coverage run can use; each names itself in the run's notes. */
public enum LineOfSight implements CoverageAnalysis.ViewshedMethod {
  /** Sight lines to a ring around the range (R2, {@link Viewshed#rays}): near exact at sweep cost. */
  R2("r2", "R2 sight lines to every cell of the range ring, horizons interpolated between rays"
      + " (IoU >= 0.98 against exact line of sight on the Prokletije SRTM clip)") {
    @Override
    public Visibility compute(ElevationGrid terrain, int col, int row, ViewshedParams p) {
      return Viewshed.rays(terrain, col, row, p);
    }
  },
  /** The reference-plane sweep that reproduces {@code gdal_viewshed} cell for cell ({@link Viewshed#sweep}). */
  GDAL("gdal", "the gdal_viewshed reference-plane sweep (cell for cell as GDAL; sees less than exact"
      + " line of sight on rough terrain)") {
    @Override
    public Visibility compute(ElevationGrid terrain, int col, int row, ViewshedParams p) {
      return Viewshed.sweep(terrain, col, row, p);
    }
  },
  /** Exact R3 line of sight to every cell ({@link Viewshed#exact}); slow. */
  EXACT("exact", "exact R3 line of sight to every cell") {
    @Override
    public Visibility compute(ElevationGrid terrain, int col, int row, ViewshedParams p) {
      return Viewshed.exact(terrain, col, row, p);
    }
  };

  /** What a run uses unless told otherwise. */
  public static final LineOfSight DEFAULT = R2;

  private final String id;
  private final String description;

  LineOfSight(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The name on the command line and in the outputs. */
  public String id() {
    return id;
  }

  /** The note every output carries. */
  public String note() {
    return "line of sight: " + id + ", " + description;
  }

  /** By command-line name (case-insensitive); null when unknown. */
  public static LineOfSight byId(String id) {
    for (LineOfSight l : values()) {
      if (l.id.equals(id.toLowerCase(Locale.ROOT))) {
        return l;
      }
    }
    return null;
  }
}
