package io.watchline.sites;

/**
 * How well a sensor sees, as its data sheet (or its operator's experience) says: optional
 * {@code sites.yaml} fields, NaN when absent. Fusion uses them to tell a target the sensors were
 * bound to miss (a walker across a Doppler radar's beam) from one that is gone (docs/fusion.md,
 * "Expected misses").
 *
 * @param probability chance of a plot (a camera: a detection) per scan on a person in the open,
 *     0..1 ({@code detection_probability})
 * @param blindSpeedMps an MTI/Doppler radar's blind speed: targets slower than this towards or away
 *     from the radar are filtered out with the ground clutter, m/s ({@code doppler_blind_speed_mps};
 *     absent on a radar without a Doppler filter and on cameras)
 * @param scanPeriodS time between two looks at the same spot: a radar's scan, a camera's frame
 *     period, s ({@code scan_period_s})
 */
public record Detection(double probability, double blindSpeedMps, double scanPeriodS) {
  /** A sensor whose sheet says nothing. */
  public static final Detection UNKNOWN = new Detection(Double.NaN, Double.NaN, Double.NaN);

  /** Whether the detection probability is given. */
  public boolean known() {
    return !Double.isNaN(probability);
  }

  /** Whether this is an MTI/Doppler radar. */
  public boolean doppler() {
    return !Double.isNaN(blindSpeedMps);
  }

  /**
   * The chance of a plot per scan on a target moving at {@code radialMps} towards or away from the
   * sensor: the given probability, cut for a Doppler radar below its blind speed. An MTI filter's
   * response rises about as the square of the Doppler shift near zero, and a slow target still
   * flickers through now and then (wind on clothes, limbs): {@link #BLIND_FLOOR} of it is left.
   */
  public double probabilityAt(double radialMps) {
    if (!doppler()) {
      return probability;
    }
    double v = Math.abs(radialMps) / blindSpeedMps;
    return v >= 1 ? probability : probability * (BLIND_FLOOR + (1 - BLIND_FLOOR) * v * v);
  }

  /** The share of a Doppler radar's detection probability a target standing still keeps. */
  public static final double BLIND_FLOOR = 0.05;
}
