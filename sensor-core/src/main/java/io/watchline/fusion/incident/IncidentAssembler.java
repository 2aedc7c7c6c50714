package io.watchline.fusion.incident;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Source;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns per-track candidates into incidents: candidates close in space and time are one group (the
 * people of one group make several radar tracks; one of them may be lost before the line while
 * another crosses), the group is scored, weak ones are dropped, and the rest get ids in time
 * order. Candidates are few (one per confirmed track near the border), so they are kept until the
 * end of the input and sorted there.
 */
public final class IncidentAssembler {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final double mergeM;
  private final long mergeMs;
  private final double nearM;
  private final List<Candidate> candidates = new ArrayList<>();

  /**
   * @param mergeM candidates whose events are closer than this (metres) ...
   * @param mergeMs ... and closer in time than this are one group
   * @param nearM the approach distance (used by the closeness factor)
   */
  public IncidentAssembler(double mergeM, long mergeMs, double nearM) {
    this.mergeM = mergeM;
    this.mergeMs = mergeMs;
    this.nearM = nearM;
  }

  public void add(Candidate c) {
    candidates.add(c);
  }

  public int candidates() {
    return candidates.size();
  }

  /** Groups, scores, filters by {@code minScore}, numbers and returns the incidents sorted by start. */
  public List<Incident> finish(double minScore) {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingLong(Candidate::tMs).thenComparingLong(Candidate::trackId));
    List<List<Candidate>> groups = new ArrayList<>();
    for (Candidate c : sorted) {
      List<Candidate> home = null;
      for (int i = groups.size() - 1; i >= 0 && home == null; i--) {
        List<Candidate> g = groups.get(i);
        for (Candidate m : g) {
          if (compatible(m, c)) {
            home = g;
            break;
          }
        }
        if (c.tMs() - g.get(g.size() - 1).tMs() > 4 * mergeMs) {
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        groups.add(home);
      }
      home.add(c);
    }
    List<Incident> out = new ArrayList<>();
    for (List<Candidate> g : groups) {
      Incident i = toIncident(g);
      if (i.score() >= minScore) {
        out.add(i);
      }
    }
    out.sort(Comparator.comparing(Incident::start).thenComparing(Incident::end).thenComparingDouble(Incident::lat).thenComparingDouble(Incident::lon));
    return numbered(out);
  }

  private boolean compatible(Candidate a, Candidate b) {
    if (Math.abs(a.tMs() - b.tMs()) > mergeMs) return false;
    if (a.kind() == IncidentKind.CROSSING && b.kind() == IncidentKind.CROSSING && !a.side().equals(b.side())) {
      return false;
    }
    return metres(a.lat(), a.lon(), b.lat(), b.lon()) <= mergeM;
  }

  private static double metres(double lat1, double lon1, double lat2, double lon2) {
    double k = 111_195;
    double dx = (lon2 - lon1) * k * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    double dy = (lat2 - lat1) * k;
    return Math.hypot(dx, dy);
  }

  private Incident toIncident(List<Candidate> g) {
    // the representative: a crossing before an approach before a loiter, then the longest track
    Candidate lead = g.get(0);
    for (Candidate c : g) {
      if (c.kind().ordinal() < lead.kind().ordinal()
          || (c.kind() == lead.kind() && c.hits() > lead.hits())) {
        lead = c;
      }
    }
    long start = Long.MAX_VALUE, end = Long.MIN_VALUE;
    int sensorKinds = 0, hits = 0;
    boolean seen = false;
    double confSum = 0;
    int confN = 0;
    double blue = Double.NaN;
    double minDist = Double.POSITIVE_INFINITY;
    double straight = Double.NaN;
    int crossings = 0;
    Set<Long> tracks = new LinkedHashSet<>();
    Set<Source> evidence = new LinkedHashSet<>();
    Map<String, Double> clsVotes = new HashMap<>();
    for (Candidate c : g) {
      start = Math.min(start, c.startMs());
      end = Math.max(end, c.endMs());
      sensorKinds = Math.max(sensorKinds, c.sensorKinds());
      hits = Math.max(hits, c.hits());
      seen |= c.kind() == IncidentKind.CROSSING && c.seen();
      if (!Double.isNaN(c.meanConf())) {
        confSum += c.meanConf();
        confN++;
      }
      if (!Double.isNaN(c.blueForceM()) && !(c.blueForceM() >= blue)) {
        blue = c.blueForceM();
      }
      minDist = Math.min(minDist, c.distanceM());
      if (!Double.isNaN(c.straightness()) && !(c.straightness() <= straight)) straight = c.straightness();
      crossings = Math.max(crossings, c.crossings());
      tracks.add(c.trackId());
      evidence.addAll(c.evidence());
      if (!"unknown".equals(c.cls())) {
        clsVotes.merge(c.cls(), c.clsShare() * c.hits(), Double::sum);
      }
    }
    String cls = "unknown";
    double clsW = 0, clsTotal = 0;
    for (Map.Entry<String, Double> e : new java.util.TreeMap<>(clsVotes).entrySet()) {
      clsTotal += e.getValue();
      if (e.getValue() > clsW) {
        clsW = e.getValue();
        cls = e.getKey();
      }
    }
    double clsShare = clsTotal == 0 ? 0 : clsW / clsTotal * lead.clsShare();
    double meanConf = confN == 0 ? Double.NaN : confSum / confN;
    boolean night = NightClock.isNight(lead.tMs(), lead.lat(), lead.lon());
    IncidentKind kind = lead.kind();
    Scorer.Score s =
        Scorer.score(new Scorer.Factors(kind, seen || kind != IncidentKind.CROSSING, sensorKinds, cls, clsShare,
            tracks.size(), night, meanConf, minDist, nearM, hits, straight, crossings));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event_t", IsoTime.format(Instant.ofEpochMilli(lead.tMs())));
    if (kind == IncidentKind.CROSSING) {
      f.put("crossing", seen ? "seen" : "inferred");
    } else {
      f.put("distance_m", round1(minDist));
    }
    f.put("corroborated", sensorKinds);
    f.put("cls", cls);
    f.put("cls_share", round2(clsShare));
    f.put("group_size", tracks.size());
    f.put("night", night);
    if (!Double.isNaN(meanConf)) f.put("conf", round2(meanConf));
    f.put("hits", hits);
    if (!Double.isNaN(straight)) f.put("straightness", round2(straight));
    if (crossings > 1) f.put("crossings", crossings);
    f.put("speed_mps", round1(lead.speedMps()));
    if (lead.dwellMs() > 0) f.put("dwell_s", lead.dwellMs() / 1000);
    if (!Double.isNaN(blue)) f.put("blue_force_m", Math.round(blue));
    f.put("tracks", tracks.size() == 1 ? String.valueOf(lead.trackId()) : joined(tracks));
    f.put("explain", s.explain());
    return new Incident(null, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), lead.lat(), lead.lon(),
        lead.sector(), lead.side(), kind, round3(s.value()), f, lead.track(), new ArrayList<>(evidence));
  }

  private static String joined(Set<Long> ids) {
    StringBuilder sb = new StringBuilder();
    for (long id : ids) {
      if (sb.length() > 0) sb.append(',');
      sb.append(id);
    }
    return sb.toString();
  }

  private static List<Incident> numbered(List<Incident> sorted) {
    Map<String, Integer> perDay = new HashMap<>();
    List<Incident> out = new ArrayList<>(sorted.size());
    for (Incident i : sorted) {
      String day = DAY.format(i.start());
      int n = perDay.merge(day, 1, Integer::sum);
      String id = String.format(Locale.ROOT, "INC-%s-%04d", day, n);
      out.add(new Incident(id, i.start(), i.end(), i.lat(), i.lon(), i.sector(), i.side(), i.kind(), i.score(),
          i.factors(), i.track(), i.evidence()));
    }
    return out;
  }

  private static double round1(double v) { return Math.round(v * 10) / 10.0; }
  private static double round2(double v) { return Math.round(v * 100) / 100.0; }
  private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }
}
