package io.watchline.merge;

import io.watchline.geo.geodesy.Geodesy;
import io.watchline.incident.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Joins several countries' incident lists into one. Reports of different countries of the same
 * kind and direction within the gates (distance and event time) are the same event: they become
 * one joint incident, closest pairs first, at most one report per country in each. Reports within
 * the gates that disagree on kind or direction are conflicts: both stay, each naming the other.
 *
 * <p>The result depends only on the set of reports, never on the order of the inputs: every
 * choice is made over reports in one canonical order (originator, id) and pairs in (cost, keys).
 * A direction is a country pair ({@code ALB→MNE}), the same string for the side it leaves and the
 * side it enters, so our exit is their entry without translation.
 */
public final class IncidentMerger {
  private IncidentMerger() {}

  /** How close two reports must be to be one event: the same gates as {@code evaluate}. */
  public record Gates(double maxDistanceM, long maxTimeMs) {
    public static final Gates DEFAULT = new Gates(500, 5 * 60_000);
  }

  public static List<JointIncident> merge(List<SharedIncident> reports, Gates gates) {
    List<SharedIncident> all = new ArrayList<>(reports);
    all.sort(Comparator.comparing(SharedIncident::originator).thenComparing(s -> s.incident().id())
        .thenComparing(SharedIncident::eventTime));
    record Pair(int a, int b, double cost, double d, double dtS, boolean same) {}
    List<Pair> pairs = new ArrayList<>();
    for (int a = 0; a < all.size(); a++) {
      for (int b = a + 1; b < all.size(); b++) {
        SharedIncident x = all.get(a), y = all.get(b);
        if (x.originator().equals(y.originator())) continue;
        long dt = Math.abs(x.eventTime().toEpochMilli() - y.eventTime().toEpochMilli());
        double d = Geodesy.distance(x.incident().lat(), x.incident().lon(), y.incident().lat(), y.incident().lon());
        if (dt > gates.maxTimeMs() || d > gates.maxDistanceM()) continue;
        boolean same = x.incident().kind() == y.incident().kind() && Objects.equals(x.incident().side(), y.incident().side());
        pairs.add(new Pair(a, b, d / gates.maxDistanceM() + (double) dt / gates.maxTimeMs(), d, dt / 1000.0, same));
      }
    }
    pairs.sort(Comparator.comparingDouble(Pair::cost).thenComparingInt(Pair::a).thenComparingInt(Pair::b));
    // Clusters: cluster[i] is the representative (lowest index) of report i's joint incident.
    int[] cluster = new int[all.size()];
    for (int i = 0; i < cluster.length; i++) cluster[i] = i;
    for (Pair p : pairs) {
      if (!p.same()) continue;
      int ca = cluster[p.a()], cb = cluster[p.b()];
      if (ca == cb || sharesOriginator(all, cluster, ca, cb)) continue;
      int keep = Math.min(ca, cb), drop = Math.max(ca, cb);
      for (int i = 0; i < cluster.length; i++) if (cluster[i] == drop) cluster[i] = keep;
    }
    Map<Integer, List<SharedIncident>> members = new LinkedHashMap<>();
    Map<Integer, List<JointIncident.Conflict>> conflicts = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      members.computeIfAbsent(cluster[i], k -> new ArrayList<>()).add(all.get(i));
    }
    for (Pair p : pairs) {
      if (p.same() || cluster[p.a()] == cluster[p.b()]) continue;
      SharedIncident x = all.get(p.a()), y = all.get(p.b());
      String differs = differs(x.incident(), y.incident());
      conflicts.computeIfAbsent(cluster[p.a()], k -> new ArrayList<>()).add(conflict(y, differs, p.d(), p.dtS()));
      conflicts.computeIfAbsent(cluster[p.b()], k -> new ArrayList<>()).add(conflict(x, differs, p.d(), p.dtS()));
    }
    List<JointIncident> out = new ArrayList<>();
    for (Map.Entry<Integer, List<SharedIncident>> e : members.entrySet()) {
      // One entry per other report, the closest pair's (pairs came in cost order).
      Map<String, JointIncident.Conflict> byOther = new java.util.TreeMap<>();
      for (JointIncident.Conflict c : conflicts.getOrDefault(e.getKey(), List.of())) byOther.putIfAbsent(c.with(), c);
      out.add(joint(e.getValue(), new ArrayList<>(byOther.values())));
    }
    out.sort(Comparator.comparing((JointIncident j) -> eventTime(j)).thenComparing(j -> j.incident().id()));
    return out;
  }

  private static boolean sharesOriginator(List<SharedIncident> all, int[] cluster, int ca, int cb) {
    TreeSet<String> a = new TreeSet<>();
    for (int i = 0; i < cluster.length; i++) if (cluster[i] == ca) a.add(all.get(i).originator());
    for (int i = 0; i < cluster.length; i++) if (cluster[i] == cb && a.contains(all.get(i).originator())) return true;
    return false;
  }

  private static JointIncident.Conflict conflict(SharedIncident other, String differs, double d, double dtS) {
    return new JointIncident.Conflict(other.key(), other.incident().kind().wireName(), other.incident().side(), differs,
        Math.round(d * 10) / 10.0, dtS);
  }

  private static String differs(Incident x, Incident y) {
    boolean kind = x.kind() != y.kind();
    boolean side = !Objects.equals(x.side(), y.side());
    return kind && side ? "kind,direction" : kind ? "kind" : "direction";
  }

  /**
   * The joint incident of some reports (one per country, sorted by originator). Its position,
   * track and factors are those of the best-placed report: an exact position before a coarse one,
   * a crossing seen before one inferred, then more sensor hits, a higher score, the originator's name.
   */
  private static JointIncident joint(List<SharedIncident> ms, List<JointIncident.Conflict> conflicts) {
    SharedIncident best = ms.stream().min(BETTER_PLACED).orElseThrow();
    Incident b = best.incident();
    StringBuilder id = new StringBuilder();
    StringBuilder origins = new StringBuilder();
    var start = b.start();
    var end = b.end();
    double score = b.score();
    List<io.watchline.observation.Source> evidence = new ArrayList<>();
    String sector = null;
    for (SharedIncident m : ms) {
      if (id.length() > 0) id.append('+');
      id.append(m.key());
      if (origins.length() > 0) origins.append(',');
      origins.append(m.originator());
      start = m.incident().start().isBefore(start) ? m.incident().start() : start;
      end = m.incident().end().isAfter(end) ? m.incident().end() : end;
      score = Double.isNaN(score) || m.incident().score() > score ? m.incident().score() : score;
      evidence.addAll(m.incident().evidence());
      if (sector == null) sector = m.incident().sector();
    }
    Map<String, Object> factors = new LinkedHashMap<>(b.factors());
    factors.put("origins", origins.toString());
    if (!conflicts.isEmpty()) {
      factors.put("conflict", conflicts.get(0).differs());
    }
    Incident merged = new Incident(id.toString(), start, end, b.lat(), b.lon(), b.sector() != null ? b.sector() : sector,
        b.side(), b.kind(), score, factors, b.track(), evidence);
    return new JointIncident(merged, List.copyOf(ms), List.copyOf(conflicts));
  }

  static final Comparator<SharedIncident> BETTER_PLACED =
      Comparator.comparing((SharedIncident s) -> !s.exact())
          .thenComparing(s -> !"seen".equals(s.incident().factors().get("crossing")))
          .thenComparing(s -> -hits(s.incident()))
          .thenComparing(s -> Double.isNaN(s.incident().score()) ? 0 : -s.incident().score())
          .thenComparing(SharedIncident::originator);

  private static double hits(Incident i) {
    return i.factors().get("hits") instanceof Number n ? n.doubleValue() : 0;
  }

  private static java.time.Instant eventTime(JointIncident j) {
    return j.origins().stream().min(BETTER_PLACED).orElseThrow().eventTime();
  }
}
