package io.watchline.evaluate;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Scores incidents against ground truth. A true event is found when an incident of the same kind
 * lies within {@code maxDistanceM} and {@code maxTimeMs} of it; matching is one-to-one (nearest
 * pairs first), so a duplicate incident counts against precision and two groups reported as one
 * count against recall. Unmatched incidents are explained by the nearest true target path (a
 * patrol, an animal, another group) when one was within the same gates.
 */
public final class Evaluator {
  public static final double MAX_DISTANCE_M = 500;
  public static final long MAX_TIME_MS = 5 * 60_000;

  private Evaluator() {}

  /** Per-kind counts. */
  public record KindScore(String kind, int truth, int found, int incidents, int matched, double meanErrorM, int observable, int foundObservable) {
    public double recall() { return truth == 0 ? Double.NaN : (double) found / truth; }
    /** Recall over the events some sensor saw (-1 counts when observability was not computed). */
    public double recallObservable() { return observable <= 0 ? Double.NaN : (double) foundObservable / observable; }
    public double precision() { return incidents == 0 ? Double.NaN : (double) matched / incidents; }
  }

  /** Crossing counts per sector (sector of the incident, or of the true crossing when a resolver is given). */
  public record SectorScore(String sector, int truth, int found, int incidents, int matched) {}

  /** A false alarm and what caused it (role of the nearest true target, or "unexplained"). */
  public record FalseAlarm(String id, String kind, String cause, String group, double distanceM) {}

  public record Report(List<KindScore> kinds, List<SectorScore> sectors, List<FalseAlarm> falseAlarms, int patrolFalseAlarms, int wildlifeAlarms,
      List<TruthEvent> missed) {
    public KindScore kind(String k) {
      return kinds.stream().filter(s -> s.kind().equals(k)).findFirst().orElseThrow();
    }
  }

  /**
   * @param sectorOf sector of a (lat, lon), or null to use only incident sectors
   */
  public static Report evaluate(List<Incident> incidents, Truth truth, BiFunction<Double, Double, String> sectorOf) {
    return evaluate(incidents, truth, sectorOf, null);
  }

  /** As above; with {@code seen} (may be null) also counts recall over observable events. */
  public static Report evaluate(List<Incident> incidents, Truth truth, BiFunction<Double, Double, String> sectorOf, Observability seen) {
    List<KindScore> kinds = new ArrayList<>();
    List<TruthEvent> missed = new ArrayList<>();
    Map<String, int[]> sectors = new TreeMap<>();
    boolean[] incidentMatched = new boolean[incidents.size()];
    for (IncidentKind k : IncidentKind.values()) {
      String kn = k.wireName();
      List<TruthEvent> ts = truth.events().stream().filter(e -> e.kind().equals(kn) && e.wanted()).toList();
      List<Integer> is = new ArrayList<>();
      for (int i = 0; i < incidents.size(); i++) {
        if (incidents.get(i).kind() == k) is.add(i);
      }
      record Pair(int truth, int incident, double d) {}
      List<Pair> pairs = new ArrayList<>();
      for (int a = 0; a < ts.size(); a++) {
        for (int b : is) {
          Incident inc = incidents.get(b);
          TruthEvent e = ts.get(a);
          double d = metres(e.lat(), e.lon(), inc.lat(), inc.lon());
          if (d <= MAX_DISTANCE_M && timeGap(e, eventTime(inc)) <= MAX_TIME_MS) {
            pairs.add(new Pair(a, b, d));
          }
        }
      }
      pairs.sort(Comparator.comparingDouble(Pair::d));
      boolean[] tUsed = new boolean[ts.size()];
      int found = 0;
      double err = 0;
      for (Pair p : pairs) {
        if (tUsed[p.truth()] || incidentMatched[p.incident()]) continue;
        tUsed[p.truth()] = true;
        incidentMatched[p.incident()] = true;
        found++;
        err += p.d();
        if (k == IncidentKind.CROSSING) {
          String s = sectorName(incidents.get(p.incident()).sector());
          sectors.computeIfAbsent(s, x -> new int[4])[1]++;
          sectors.get(s)[3]++;
        }
      }
      for (int a = 0; a < ts.size(); a++) {
        if (!tUsed[a]) missed.add(ts.get(a));
      }
      if (k == IncidentKind.CROSSING) {
        for (int a = 0; a < ts.size(); a++) {
          TruthEvent e = ts.get(a);
          String s = null;
          if (tUsed[a]) {
            // counted with the matching incident's sector above; the truth count follows it
            for (Pair p : pairs) {
              if (p.truth() == a && incidentMatched[p.incident()]) {
                s = sectorName(incidents.get(p.incident()).sector());
                break;
              }
            }
          } else {
            s = sectorOf == null ? "-" : sectorName(sectorOf.apply(e.lat(), e.lon()));
          }
          sectors.computeIfAbsent(s, x -> new int[4])[0]++;
        }
        for (int b : is) {
          sectors.computeIfAbsent(sectorName(incidents.get(b).sector()), x -> new int[4])[2]++;
        }
      }
      int observable = -1, foundObservable = -1;
      if (seen != null) {
        observable = 0;
        foundObservable = 0;
        for (int a = 0; a < ts.size(); a++) {
          if (seen.observable(ts.get(a))) {
            observable++;
            if (tUsed[a]) foundObservable++;
          }
        }
      }
      kinds.add(new KindScore(kn, ts.size(), found, is.size(), found, found == 0 ? Double.NaN : err / found, observable, foundObservable));
    }
    List<FalseAlarm> alarms = new ArrayList<>();
    int patrol = 0, wildlife = 0;
    for (int i = 0; i < incidents.size(); i++) {
      if (incidentMatched[i]) continue;
      Incident inc = incidents.get(i);
      long t = eventTime(inc);
      TruthPath near = null;
      double nd = Double.POSITIVE_INFINITY;
      for (TruthPath p : truth.paths()) {
        double d = p.distanceAround(t, MAX_TIME_MS, inc.lat(), inc.lon());
        if (d < nd) {
          nd = d;
          near = p;
        }
      }
      String cause = near != null && nd <= MAX_DISTANCE_M ? near.role() : "unexplained";
      if ("patrol".equals(cause)) patrol++;
      if ("wildlife".equals(cause)) wildlife++;
      alarms.add(new FalseAlarm(inc.id(), inc.kind().wireName(), cause, near != null && nd <= MAX_DISTANCE_M ? near.group() : null,
          nd <= MAX_DISTANCE_M ? nd : Double.NaN));
    }
    List<SectorScore> ss = new ArrayList<>();
    sectors.forEach((s, v) -> ss.add(new SectorScore(s, v[0], v[1], v[2], v[3])));
    missed.sort(Comparator.comparingLong(TruthEvent::tMs));
    return new Report(kinds, ss, alarms, patrol, wildlife, missed);
  }

  private static String sectorName(String s) {
    return s == null ? "-" : s;
  }

  /** The incident's event time: the crossing time (factor {@code event_t}) or else its start. */
  static long eventTime(Incident i) {
    Object e = i.factors().get("event_t");
    if (e instanceof String s) {
      try {
        return Instant.parse(s).toEpochMilli();
      } catch (RuntimeException ignored) {
        // fall through to the start
      }
    }
    return i.start().toEpochMilli();
  }

  private static long timeGap(TruthEvent e, long t) {
    if (t < e.tMs()) return e.tMs() - t;
    if (t > e.endMs()) return t - e.endMs();
    return 0;
  }

  static double metres(double lat1, double lon1, double lat2, double lon2) {
    double k = 111_195;
    double dx = (lon2 - lon1) * k * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    double dy = (lat2 - lat1) * k;
    return Math.hypot(dx, dy);
  }
}
