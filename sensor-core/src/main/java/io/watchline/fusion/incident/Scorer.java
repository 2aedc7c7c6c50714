package io.watchline.fusion.incident;

import io.watchline.incident.IncidentKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Scores an incident 0..1 as a logistic of a sum of named terms, each a weight times an
 * explainable factor. Every term is monotone in its factor, so more corroboration, a bigger group,
 * higher sensor confidence or a seen (not inferred) crossing never lowers the score, and a larger
 * distance from the border never raises it. The weights are in docs/fusion.md.
 */
public final class Scorer {
  static final double BIAS = -2.0;
  static final double CROSSING_SEEN = 2.6;
  static final double CROSSING_INFERRED = 2.0;
  static final double APPROACH = 0.8;
  static final double LOITER = 0.6;
  static final double PER_EXTRA_SENSOR_KIND = 1.0;
  static final double HUMAN_OR_VEHICLE = 0.5;
  static final double ANIMAL = -4.0;
  static final double PER_EXTRA_MEMBER = 0.3;
  static final int MAX_EXTRA_MEMBERS = 3;
  static final double NIGHT = 0.4;
  static final double CONFIDENCE = 1.0;
  static final double CLOSENESS = 0.8;
  static final double SHORT_TRACK = -1.5;
  static final int SHORT_TRACK_HITS = 6;
  static final double STRAIGHT = 4.0;
  static final double STRAIGHT_PIVOT = 0.75;
  static final double RECROSSED = -1.0;
  static final double LONG_STAY = 0.8;
  static final long STAY_FROM_MS = 18 * 60_000L;
  static final long STAY_FULL_MS = 20 * 60_000L;

  /** The inputs of the score. */
  public record Factors(
      IncidentKind kind,
      boolean seen,
      int sensorKinds,
      String cls,
      double clsShare,
      int groupSize,
      boolean night,
      double meanConf,
      double distanceM,
      double nearM,
      int hits,
      double straightness,
      int crossings,
      long dwellMs) {
    /** Factors of an event without a stay (dwell 0). */
    public Factors(IncidentKind kind, boolean seen, int sensorKinds, String cls, double clsShare, int groupSize,
        boolean night, double meanConf, double distanceM, double nearM, int hits, double straightness, int crossings) {
      this(kind, seen, sensorKinds, cls, clsShare, groupSize, night, meanConf, distanceM, nearM, hits, straightness,
          crossings, 0);
    }
  }

  /** The score and its terms, in the order they were added. */
  public record Score(double value, Map<String, Double> terms) {
    public String explain() {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, Double> e : terms.entrySet()) {
        if (sb.length() > 0) sb.append(", ");
        sb.append(e.getKey()).append(String.format(Locale.ROOT, " %+.2f", e.getValue()));
      }
      return sb.toString();
    }
  }

  public static Score score(Factors f) {
    Map<String, Double> t = new LinkedHashMap<>();
    t.put("bias", BIAS);
    switch (f.kind()) {
      case CROSSING -> t.put(f.seen() ? "crossing seen" : "crossing inferred", f.seen() ? CROSSING_SEEN : CROSSING_INFERRED);
      case APPROACH -> t.put("approach", APPROACH);
      case LOITER -> t.put("loiter", LOITER);
    }
    if (f.sensorKinds() > 1) {
      t.put("corroborated", PER_EXTRA_SENSOR_KIND * (f.sensorKinds() - 1));
    }
    if ("human".equals(f.cls()) || "vehicle".equals(f.cls())) {
      t.put("class " + f.cls(), HUMAN_OR_VEHICLE * f.clsShare());
    } else if ("animal".equals(f.cls())) {
      t.put("class animal", ANIMAL * f.clsShare());
    }
    if (f.groupSize() > 1) {
      t.put("group", PER_EXTRA_MEMBER * Math.min(f.groupSize() - 1, MAX_EXTRA_MEMBERS));
    }
    if (f.night()) {
      t.put("night", NIGHT);
    }
    if (!Double.isNaN(f.meanConf())) {
      t.put("confidence", CONFIDENCE * (Math.max(0, Math.min(1, f.meanConf())) - 0.5));
    }
    if (f.kind() != IncidentKind.CROSSING && f.nearM() > 0) {
      t.put("closeness", CLOSENESS * (1 - Math.min(f.distanceM(), f.nearM()) / f.nearM()));
    }
    if (f.kind() == IncidentKind.LOITER && f.dwellMs() > STAY_FROM_MS) {
      // a stay of 40 min near the line says more than one of 18 (radar-only loiterers far out score low otherwise)
      t.put("long stay", LONG_STAY * Math.min(1, (f.dwellMs() - STAY_FROM_MS) / (double) STAY_FULL_MS));
    }
    if (!Double.isNaN(f.straightness())) {
      // people walk to a goal; animals and clutter wander
      t.put("straight path", STRAIGHT * (Math.max(0, Math.min(1, f.straightness())) - STRAIGHT_PIVOT));
    }
    if (f.crossings() > 1) {
      t.put("recrossed", RECROSSED);
    }
    if (f.hits() < SHORT_TRACK_HITS) {
      t.put("short track", SHORT_TRACK);
    }
    double z = 0;
    for (double v : t.values()) z += v;
    return new Score(1 / (1 + Math.exp(-z)), t);
  }
}
