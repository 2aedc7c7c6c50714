package io.watchline.share;

import io.watchline.geo.InvalidValueException;
import java.util.function.ToDoubleBiFunction;

/**
 * Where shared positions stay exact: within {@code bandM} of the border (where the partner needs
 * them to act, and where our sensors' coverage is no secret to the partner watching the same
 * line); elsewhere they are snapped to the corners of a {@code gridM} grid, so that
 * the inland detail that would map our sensors and patrols is gone.
 */
public final class PositionPolicy {
  private static final double M_PER_DEG = 111_195;

  private final ToDoubleBiFunction<Double, Double> borderDistanceM;
  private final double bandM;
  private final double gridM;

  /**
   * @param borderDistanceM distance (metres, any sign) of (lat, lon) from the border
   */
  public PositionPolicy(ToDoubleBiFunction<Double, Double> borderDistanceM, double bandM, double gridM) {
    if (!(bandM >= 0) || !(gridM > 0)) {
      throw new InvalidValueException("the exact band must be >= 0 m and the grid > 0 m");
    }
    this.borderDistanceM = borderDistanceM;
    this.bandM = bandM;
    this.gridM = gridM;
  }

  public double bandM() {
    return bandM;
  }

  public double gridM() {
    return gridM;
  }

  /** Whether a point of an incident of this kind goes out as it is. */
  public boolean exact(String kind, double lat, double lon) {
    return SharingRules.alwaysExact(kind) || Math.abs(borderDistanceM.applyAsDouble(lat, lon)) <= bandM;
  }

  /** {lat, lon} as shared: exact, or snapped to the grid. */
  public double[] place(String kind, double lat, double lon) {
    return exact(kind, lat, lon) ? new double[] {lat, lon} : snap(lat, lon);
  }

  /** The nearest grid corner: rows every {@code gridM} of latitude, columns every {@code gridM} along the row. */
  public double[] snap(double lat, double lon) {
    double latStep = gridM / M_PER_DEG;
    double snappedLat = Math.round(lat / latStep) * latStep;
    double lonStep = gridM / (M_PER_DEG * Math.cos(Math.toRadians(snappedLat)));
    double snappedLon = Math.round(lon / lonStep) * lonStep;
    return new double[] {round6(snappedLat), round6(snappedLon)};
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
