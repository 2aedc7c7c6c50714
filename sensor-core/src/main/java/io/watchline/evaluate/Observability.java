package io.watchline.evaluate;

import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which true events the sensors could have reported at all: an event is observable when, within
 * the time gate around it, at least {@link #MIN_FIXES} positioned observations (radar plots,
 * ranged camera detections) lie within {@link #NEAR_M} of the target's true position (for a
 * crossing: some before and some after it, that is on both sides of the line), or
 * bearing-only detections from two cameras point at it (so that crossing them places it). Patrol
 * fixes do not count. This separates fusion misses from coverage gaps: no fusion can report a
 * crossing that no sensor saw.
 */
public final class Observability {
  public static final double NEAR_M = 300;
  public static final int MIN_FIXES = 3;
  static final double BEARING_DEG = 1.5;

  private final List<TruthEvent> events;
  private final List<TruthPath> paths;
  private final SiteRegistry sites;
  private final int[] fixes;
  private final int[] before;
  private final int[] after;
  private final List<Set<String>> cameras = new ArrayList<>();

  public Observability(Truth truth, SiteRegistry sites) {
    this.events = truth.events();
    Map<String, TruthPath> byGroup = new HashMap<>();
    for (TruthPath p : truth.paths()) byGroup.put(p.group(), p);
    this.paths = new ArrayList<>();
    for (TruthEvent e : events) {
      paths.add(byGroup.get(e.group()));
      cameras.add(new HashSet<>());
    }
    this.sites = sites;
    this.fixes = new int[events.size()];
    this.before = new int[events.size()];
    this.after = new int[events.size()];
  }

  /** Looks at one observation (any order). */
  public void accept(Observation o) {
    long t = o.t().toEpochMilli();
    for (int i = 0; i < events.size(); i++) {
      TruthEvent e = events.get(i);
      TruthPath p = paths.get(i);
      if (p == null || t < e.tMs() - Evaluator.MAX_TIME_MS || t > e.endMs() + Evaluator.MAX_TIME_MS) continue;
      double[] at = p.at(t);
      if (at == null) continue;
      switch (o.kind()) {
        case PATROL -> { }
        default -> {
          if (o.hasPosition()) {
            if (Evaluator.metres(o.lat(), o.lon(), at[0], at[1]) <= NEAR_M) {
              fixes[i]++;
              if (t < e.tMs()) before[i]++;
              else after[i]++;
            }
          } else if (o.hasPolar() && o.sensor() != null) {
            Site s = sites.byId(o.sensor());
            if (s != null) {
              double b = Geodesy.bearing(s.lat(), s.lon(), at[0], at[1]);
              double off = Math.abs(((o.bearingDeg() - b) % 360 + 540) % 360 - 180);
              if (off <= BEARING_DEG) cameras.get(i).add(s.id());
            }
          }
        }
      }
    }
  }

  public boolean observable(TruthEvent e) {
    int i = events.indexOf(e);
    if (i < 0) return false;
    // a crossing is observable only when the target was seen on both sides of the line
    boolean positioned = fixes[i] >= MIN_FIXES && (!"crossing".equals(e.kind()) || (before[i] > 0 && after[i] > 0));
    return positioned || cameras.get(i).size() >= 2;
  }
}
