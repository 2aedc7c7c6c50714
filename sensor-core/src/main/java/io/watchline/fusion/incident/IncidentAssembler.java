package io.watchline.fusion.incident;

import io.watchline.incident.IncidentSink;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Source;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Turns per-track candidates into incidents: candidates close in space and time are one group (the
 * people of one group make several radar tracks; one of them may be lost before the line while
 * another crosses), the group is scored, weak ones are dropped, and the rest get ids in time order.
 *
 * <p>Streaming: the caller says, with {@link #advance(long)}, a time before which no further
 * candidate can start or happen. Candidates older than that are grouped in event-time order, groups
 * that no later candidate can join are scored, and incidents that no later one can precede are
 * numbered and handed on. Memory holds the candidates of the still-open time window, not the night.
 * The result is the same as grouping everything at the end.
 */
public final class IncidentAssembler {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Comparator<Candidate> BY_EVENT =
      Comparator.comparingLong(Candidate::tMs).thenComparingLong(Candidate::trackId);
  private static final Comparator<Incident> BY_OUTPUT = Comparator.comparing(Incident::start)
      .thenComparing(Incident::end).thenComparingDouble(Incident::lat).thenComparingDouble(Incident::lon);

  private final double mergeM;
  private final long mergeMs;
  private final double nearM;
  private final double minScore;
  private final IncidentSink out;
  private final PriorityQueue<Candidate> waiting = new PriorityQueue<>(BY_EVENT);
  private final List<List<Candidate>> open = new ArrayList<>();
  private final PriorityQueue<Incident> ready = new PriorityQueue<>(BY_OUTPUT);
  private final Map<String, Integer> perDay = new HashMap<>();
  private long bound = Long.MIN_VALUE;
  private int candidates;
  private int late;
  private int emitted;
  private boolean releaseWhenFinal;
  /** Live: the versions written so far (null in batch). */
  private LiveRevisions revisions;
  /** Live: candidates came since the last release. */
  private boolean dirty;
  /** Live: candidates added since the last release, and the tentative ones of the last release. */
  private final List<Candidate> added = new ArrayList<>();
  private List<Candidate> lastTentative = List.of();
  /** Live: how far a candidate may lie from the path it is made of (a crossing point between two positions), m. */
  private static final double REACH_MARGIN_M = 100;

  /**
   * @param mergeM candidates whose events are closer than this (metres) ...
   * @param mergeMs ... and closer in time than this are one group
   * @param nearM the approach distance (used by the closeness factor)
   * @param minScore incidents scoring less are dropped (before numbering)
   * @param out receives the incidents, sorted by start, numbered per UTC day
   */
  public IncidentAssembler(double mergeM, long mergeMs, double nearM, double minScore, IncidentSink out) {
    this.mergeM = mergeM;
    this.mergeMs = mergeMs;
    this.nearM = nearM;
    this.minScore = minScore;
    this.out = out;
  }

  /**
   * Live: hand on each incident as soon as its group is final, not after every incident that
   * starts before it (a long track would hold back every later one until it ends), and write
   * versions of it before that ({@link IncidentSink#revised}; see {@link #advanceLive}). Incidents
   * are numbered in the order they are first written; the final set is the same as in batch.
   */
  public void releaseWhenFinal() {
    this.releaseWhenFinal = true;
    this.revisions = new LiveRevisions(out, this::nextId);
  }

  public void add(Candidate c) {
    candidates++;
    dirty = true;
    if (releaseWhenFinal) added.add(c);
    if (!releaseWhenFinal && (c.tMs() < bound || c.startMs() < bound)) {
      late++; // a broken promise of the caller; grouped anyway, but order may suffer
    }
    waiting.add(c);
  }

  /**
   * Takes an incident scored by its own stage (welfare): it is numbered and written in start order
   * with the others, never merged with them and never dropped by the minimum score. Its start must
   * keep the promise of {@link #advance} like a candidate's.
   */
  public void addScored(Incident i) {
    candidates++;
    if (releaseWhenFinal) {
      try {
        revisions.alone(i);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    if (i.start().toEpochMilli() < bound) {
      late++;
    }
    ready.add(i);
  }

  public int candidates() {
    return candidates;
  }

  /** Candidates that arrived older than an earlier {@link #advance} bound (0 unless the caller errs). */
  public int late() {
    return late;
  }

  /** Incidents handed on so far. */
  public int emitted() {
    return releaseWhenFinal ? revisions.finals() : emitted;
  }

  /** Candidates and groups held (for memory checks). */
  public int held() {
    int n = waiting.size() + ready.size();
    for (List<Candidate> g : open) {
      n += g.size();
    }
    return n;
  }

  /**
   * Promises that every candidate added from now on has its event and its track start at or after
   * {@code t}, and hands on what is final.
   */
  public void advance(long t) throws IOException {
    if (releaseWhenFinal) {
      advanceLive(t, List.of(), List.of());
      return;
    }
    bound = Math.max(bound, t);
    while (!waiting.isEmpty() && waiting.peek().tMs() < bound) {
      group(waiting.poll());
    }
    // A group whose newest member is older than bound - mergeMs can take no later candidate.
    for (Iterator<List<Candidate>> it = open.iterator(); it.hasNext(); ) {
      List<Candidate> g = it.next();
      if (g.get(g.size() - 1).tMs() < bound - mergeMs) {
        it.remove();
        Incident i = toIncident(g);
        if (i.score() >= minScore) {
          ready.add(i);
        }
      }
    }
    long before = bound;
    for (List<Candidate> g : open) {
      for (Candidate c : g) {
        before = Math.min(before, c.startMs());
      }
    }
    for (Candidate c : waiting) {
      before = Math.min(before, c.startMs());
    }
    while (!ready.isEmpty() && ready.peek().start().toEpochMilli() < before) {
      emit(ready.poll());
    }
  }

  /** End of input: everything is final. */
  public void finish() throws IOException {
    advance(Long.MAX_VALUE);
  }

  /**
   * Live: hands on what is final, in space as well as in time. Candidates linked by the grouping
   * test (directly or through others) are grouped together or not at all, so such a set is final
   * once no candidate still to come could join any of its members: none of its events is within
   * the merge time of {@code unbornMs} (tracks still to begin) and none is within reach of a live
   * track or a waiting loose end. A set far from every live track is thus final as soon as time
   * allows, however long older tracks elsewhere live on. A final set is grouped exactly as batch
   * groups it (its candidates in event order), so the incidents are batch's. A set not final yet
   * whose candidates changed is grouped as it stands and written as a version ({@link
   * LiveRevisions}).
   *
   * @param unbornMs no track still to come begins before this, nor does a live one move again
   * @param reaches where the live tracks and loose ends may still put candidates
   * @param tentative candidates that may yet come as they are (a loose end's approach): grouped
   *     into versions, never final; what replaces one of them when it comes (the approach itself
   *     or the crossing inferred, of the same track) keeps its incident's id
   */
  public void advanceLive(long unbornMs, List<? extends FutureCandidates> reaches, List<Candidate> tentative)
      throws IOException {
    Set<Candidate> pending = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    pending.addAll(tentative);
    for (Candidate t : lastTentative) {
      if (!pending.contains(t)) revisions.succeed(t, added);
    }
    if (tentative.size() != lastTentative.size() || !pending.containsAll(lastTentative)) dirty = true;
    lastTentative = List.copyOf(tentative);
    added.clear();
    if (waiting.isEmpty() && tentative.isEmpty()) return;
    List<Candidate> all = new ArrayList<>(waiting);
    all.addAll(tentative);
    all.sort(BY_EVENT);
    int n = all.size();
    int[] root = new int[n];
    for (int i = 0; i < n; i++) root[i] = i;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n && all.get(j).tMs() - all.get(i).tMs() <= mergeMs; j++) {
        if (compatible(all.get(i), all.get(j))) root[find(root, j)] = find(root, i);
      }
    }
    Map<Integer, List<Candidate>> sets = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) sets.computeIfAbsent(find(root, i), k -> new ArrayList<>()).add(all.get(i));
    waiting.clear();
    for (List<Candidate> set : sets.values()) {
      boolean fin = true;
      for (Candidate m : set) {
        fin &= m.tMs() + mergeMs < unbornMs && !pending.contains(m);
        for (int r = 0; fin && r < reaches.size(); r++) fin = !reaches.get(r).mayMeet(m, mergeM, mergeMs, REACH_MARGIN_M);
        if (!fin) break;
      }
      if (!fin) {
        for (Candidate m : set) if (!pending.contains(m)) waiting.add(m);
      }
      if (!fin && !dirty) continue;
      List<List<Candidate>> groups = new ArrayList<>();
      for (Candidate c : set) group(groups, c);
      List<Incident> incidents = new ArrayList<>(groups.size());
      for (List<Candidate> g : groups) {
        Incident i = toIncident(g);
        incidents.add(i.score() >= minScore ? i : null);
      }
      revisions.update(set, groups, incidents, fin);
    }
    dirty = false;
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) i = root[i] = root[root[i]];
    return i;
  }

  /** Joins the newest open group holding a compatible candidate, else opens one. */
  private void group(Candidate c) {
    group(open, c);
  }

  private void group(List<List<Candidate>> open, Candidate c) {
    for (int i = open.size() - 1; i >= 0; i--) {
      List<Candidate> g = open.get(i);
      for (Candidate m : g) {
        if (compatible(m, c)) {
          g.add(c);
          return;
        }
      }
    }
    List<Candidate> g = new ArrayList<>();
    g.add(c);
    open.add(g);
  }

  private void emit(Incident i) throws IOException {
    emitted++;
    out.accept(LiveRevisions.withId(i, nextId(i)));
  }

  /** The next id of the incident's UTC day (of its start). */
  private String nextId(Incident i) {
    String day = DAY.format(i.start());
    int n = perDay.merge(day, 1, Integer::sum);
    return String.format(Locale.ROOT, "INC-%s-%04d", day, n);
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
    List<List<Source>> evidence = new ArrayList<>();
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
      evidence.add(c.evidence());
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
            tracks.size(), night, meanConf, minDist, nearM, hits, straight, crossings, lead.dwellMs()));
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
        lead.sector(), lead.side(), kind, round3(s.value()), f, lead.track(), Spill.union(evidence));
  }

  private static String joined(Set<Long> ids) {
    StringBuilder sb = new StringBuilder();
    for (long id : ids) {
      if (sb.length() > 0) sb.append(',');
      sb.append(id);
    }
    return sb.toString();
  }

  private static double round1(double v) { return Math.round(v * 10) / 10.0; }
  private static double round2(double v) { return Math.round(v * 100) / 100.0; }
  private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }
}
