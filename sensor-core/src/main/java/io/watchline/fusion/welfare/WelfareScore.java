package io.watchline.fusion.welfare;

import io.watchline.fusion.incident.Scorer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks a welfare case 0..1 as a logistic of named terms, like the crossing score, so that the
 * duty officer sees why one case comes before another. The score only orders cases: whether a case
 * is raised is decided by its reasons ({@link WelfareDetector}), never by a minimum score. Every
 * term is monotone in its factor: a longer stay, colder wind or a child never lowers it.
 */
public final class WelfareScore {
  static final double BIAS = -1.0;
  static final double PER_QUARTER_HOUR = 0.5;
  static final double MAX_QUARTERS = 4;
  static final double AFTER_CROSSING = 1.0;
  static final double AWAY_FROM_ROADS = 0.5;
  static final double NEAR_ROAD = -1.0;
  static final double AT_WATER = 2.0;
  static final double PER_DEGREE_CHILL = 0.15;
  static final double CHILL_FROM_C = 5;
  static final double MAX_CHILL = 3.0;
  static final double WET = 0.5;
  static final double WET_MM = 0.5;
  static final double CHILD = 1.5;
  static final double HUMAN = 0.5;

  private WelfareScore() {}

  /**
   * The inputs; NaN or null for what is not known (no road layer, no weather).
   *
   * @param stayMs how long the track stayed, ms (0 when it did not)
   * @param crossed it crossed the border before stopping
   * @param roadM distance to the nearest road, m (NaN: no road layer or none within reach)
   * @param roadClearM the distance that separates "near a road" from "away from roads"
   * @param atWater the track ended at water
   * @param windChillC wind chill at the place and time, °C
   * @param precipitationMm precipitation in the hour, mm
   */
  public record Factors(long stayMs, boolean crossed, double roadM, double roadClearM, boolean atWater, double windChillC,
      double precipitationMm, String cls, double clsShare) {}

  /** The priority of a score: 1 go now (≥ 0.9), 2 soon (≥ 0.7), 3 check. */
  public static int priority(double score) {
    return score >= 0.9 ? 1 : score >= 0.7 ? 2 : 3;
  }

  /** The value and its terms in order, explained as the crossing score is. */
  public static Scorer.Score score(Factors f) {
    Map<String, Double> t = new LinkedHashMap<>();
    t.put("bias", BIAS);
    if (f.stayMs() > 0) {
      t.put(String.format(Locale.ROOT, "stationary %d min", f.stayMs() / 60_000),
          PER_QUARTER_HOUR * Math.min(MAX_QUARTERS, f.stayMs() / 900_000.0));
    }
    if (f.crossed()) {
      t.put("after crossing", AFTER_CROSSING);
    }
    if (!Double.isNaN(f.roadM())) {
      if (f.roadM() > f.roadClearM()) t.put("away from roads", AWAY_FROM_ROADS);
      else t.put("near a road", NEAR_ROAD);
    }
    if (f.atWater()) {
      t.put("at water", AT_WATER);
    }
    if (!Double.isNaN(f.windChillC()) && f.windChillC() < CHILL_FROM_C) {
      t.put(String.format(Locale.ROOT, "wind chill %.0f °C", f.windChillC()),
          Math.min(MAX_CHILL, PER_DEGREE_CHILL * (CHILL_FROM_C - f.windChillC())));
    }
    if (f.precipitationMm() >= WET_MM) {
      t.put("wet", WET);
    }
    if ("child".equals(f.cls())) {
      t.put("class child", CHILD * f.clsShare());
    } else if ("human".equals(f.cls())) {
      t.put("class human", HUMAN * f.clsShare());
    }
    double z = 0;
    for (double v : t.values()) z += v;
    return new Scorer.Score(1 / (1 + Math.exp(-z)), t);
  }
}
