package io.watchline.fusion.track;

import io.watchline.observation.Kind;
import io.watchline.observation.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One target followed over time: its motion filter, its filtered path (thinned to one point a
 * second), the provenance of every observation it used (the first {@link #MAX_EVIDENCE}) and the
 * sensor kinds and classes that saw it. Positions are metres in the border's local plane, times
 * epoch milliseconds.
 *
 * <p>Made and changed only by the {@link Tracker}; everyone else reads it (and a camera may {@link
 * #corroborate} it). Not thread-safe.
 */
public final class Track {
  /** Beyond this many observations a track keeps counting but stops listing (a patrol all night). */
  public static final int MAX_EVIDENCE = 20_000;
  private static final long POINT_SPACING_MS = 1_000;

  private final long id;
  private final String feedTrack;
  final MotionFilter filter;
  long filterMs;
  private final long firstMs;
  /** The first point that is this track's own (after the walk it shared with the track it split from), else 0. */
  private final int ownFrom;
  private long lastMs;
  private int hits;
  private boolean confirmed;
  private final int[] hitsByKind = new int[Kind.values().length];
  private final List<Source> evidence = new ArrayList<>();
  private long evidenceDropped;
  private final ClassVotes classes = new ClassVotes();
  private double confSum;
  private int confN;
  /** The newest camera measurement with the camera's own object id, or null. */
  private Measurement lastCameraObject;

  private long[] pt = new long[16];
  private double[] px = new double[16];
  private double[] py = new double[16];
  private int points;
  /** The live list that mirrors this track's filter state, and its place there (null, -1 when not live). */
  private LiveTracks live;
  private int slot = -1;

  Track(long id, Measurement m, MotionFilter.Factory filters) {
    this.id = id;
    this.feedTrack = m.feedTrack();
    this.filter = filters.start(m);
    this.filterMs = m.tMs();
    this.firstMs = m.tMs();
    this.ownFrom = 0;
    absorb(m);
  }

  /**
   * A target that walked with {@code walkedWith} until it parted from it with {@code m} (a group
   * that split): its path begins with that walk (points before {@code m}; their measurements stay
   * the other track's), so that where it came from and how straight it walked are judged as for
   * the other part.
   */
  Track(long id, Measurement m, MotionFilter.Factory filters, Track walkedWith) {
    this.id = id;
    this.feedTrack = m.feedTrack();
    this.filter = filters.start(m);
    this.filterMs = m.tMs();
    this.firstMs = Math.min(walkedWith.firstMs, m.tMs());
    int n = 0;
    while (n < walkedWith.points && walkedWith.pt[n] < m.tMs()) n++;
    pt = Arrays.copyOf(walkedWith.pt, Math.max(16, n + 16));
    px = Arrays.copyOf(walkedWith.px, pt.length);
    py = Arrays.copyOf(walkedWith.py, pt.length);
    points = n;
    ownFrom = n;
    absorb(m);
  }

  /**
   * The same track with its path cut after point {@code n - 1} (its hits, evidence and classes
   * kept): what it was before something else took it over.
   */
  public Track head(int n) {
    return new Track(this, n);
  }

  private Track(Track o, int n) {
    this.id = o.id;
    this.feedTrack = o.feedTrack;
    this.filter = o.filter;
    this.filterMs = o.filterMs;
    this.firstMs = o.firstMs;
    this.ownFrom = Math.min(o.ownFrom, n - 1);
    this.hits = o.hits;
    this.confirmed = o.confirmed;
    System.arraycopy(o.hitsByKind, 0, hitsByKind, 0, hitsByKind.length);
    this.evidence.addAll(o.evidence);
    this.evidenceDropped = o.evidenceDropped;
    this.classes.addAll(o.classes);
    this.confSum = o.confSum;
    this.confN = o.confN;
    this.pt = Arrays.copyOf(o.pt, n);
    this.px = Arrays.copyOf(o.px, n);
    this.py = Arrays.copyOf(o.py, n);
    this.points = n;
    this.lastMs = o.pt[n - 1];
  }

  /** Predicts the filter forward to {@code tMs}; never backwards. */
  void predictTo(long tMs) {
    double dt = (tMs - filterMs) / 1000.0;
    if (dt > 0) {
      filter.predict(dt);
      filterMs = tMs;
      mirror();
    }
  }

  void update(Measurement m) {
    filter.update(m.x(), m.y(), m.rxx(), m.rxy(), m.ryy());
    mirror();
    absorb(m);
  }

  /** Called by {@link LiveTracks} when the track joins, moves within or leaves it. */
  void listedAt(LiveTracks list, int index) {
    live = list;
    slot = index;
    mirror();
  }

  private void mirror() {
    if (live != null) live.moved(slot, filter.x(), filter.y(), filterMs);
  }

  private void absorb(Measurement m) {
    if (m.object() != null && (lastCameraObject == null || m.tMs() >= lastCameraObject.tMs())) {
      lastCameraObject = m;
    }
    hits++;
    hitsByKind[m.kind().ordinal()]++;
    lastMs = Math.max(lastMs, m.tMs());
    addEvidence(m.sources());
    classes.add(m.cls(), m.conf(), m.classReliability());
    if (!Double.isNaN(m.conf())) {
      confSum += m.conf();
      confN++;
    }
    addPoint(m.tMs());
  }

  /** Takes over the evidence, hits and class votes of a duplicate track of the same target. */
  void absorb(Track other) {
    hits += other.hits;
    for (int k = 0; k < hitsByKind.length; k++) {
      hitsByKind[k] += other.hitsByKind[k];
    }
    addEvidence(other.evidence);
    evidenceDropped += other.evidenceDropped;
    classes.addAll(other.classes);
    confSum += other.confSum;
    confN += other.confN;
    lastMs = Math.max(lastMs, other.lastMs);
    if (other.lastCameraObject != null && (lastCameraObject == null || other.lastCameraObject.tMs() > lastCameraObject.tMs())) {
      lastCameraObject = other.lastCameraObject;
    }
  }

  /**
   * Whether camera measurement {@code m} shows another object than the one this track follows: the
   * same camera reported this track's update under another object id less than {@code windowMs}
   * before, more than {@code apartM} from {@code m}. The camera tells its objects apart (one id per
   * object, kept while it stays in view), and a group's pieces lie metres apart: such a report is a
   * second object (a standing hot spot further along the same bearing), not this one, however
   * loose a ranged camera's covariance along the bearing is.
   */
  boolean otherCameraObject(Measurement m, long windowMs, double apartM) {
    Measurement c = lastCameraObject;
    if (m.object() == null || c == null || m.object().equals(c.object()) || !java.util.Objects.equals(m.sensor(), c.sensor())) {
      return false;
    }
    return Math.abs(m.tMs() - c.tMs()) < windowMs && Math.hypot(m.x() - c.x(), m.y() - c.y()) > apartM;
  }

  /**
   * Another sensor saw this track without moving it (a camera bearing on a radar track): its hit,
   * evidence, class vote and confidence count, the filter is untouched.
   *
   * @param cls the sensor's class, or null
   * @param conf its confidence 0..1, or NaN
   */
  public void corroborate(Kind kind, String cls, double conf, List<Source> sources) {
    corroborate(kind, cls, conf, 1, sources);
  }

  /**
   * As {@link #corroborate(Kind, String, double, List)}, with the class's reliability.
   *
   * @param classReliability how far the class is a recognition rather than a guess (see
   *     {@link ClassVotes#add(String, double, double)})
   */
  public void corroborate(Kind kind, String cls, double conf, double classReliability, List<Source> sources) {
    hitsByKind[kind.ordinal()]++;
    addEvidence(sources);
    classes.add(cls, conf, classReliability);
    if (!Double.isNaN(conf)) {
      confSum += conf;
      confN++;
    }
  }

  private void addEvidence(List<Source> sources) {
    // by index: measurements carry immutable one-element lists, and an iterator per plot adds up
    for (int i = 0, n = sources.size(); i < n; i++) {
      Source s = sources.get(i);
      if (s == null) continue;
      if (evidence.size() < MAX_EVIDENCE) {
        evidence.add(s);
      } else {
        evidenceDropped++;
      }
    }
  }

  private void addPoint(long tMs) {
    if (points > 0 && tMs - pt[points - 1] < POINT_SPACING_MS) {
      // replace the last point: the newest filtered position is the better one
      pt[points - 1] = tMs;
      px[points - 1] = filter.x();
      py[points - 1] = filter.y();
      return;
    }
    if (points == pt.length) {
      int n = points * 2;
      pt = Arrays.copyOf(pt, n);
      px = Arrays.copyOf(px, n);
      py = Arrays.copyOf(py, n);
    }
    pt[points] = tMs;
    px[points] = filter.x();
    py[points] = filter.y();
    points++;
  }

  void confirm() {
    confirmed = true;
  }

  /** The tracker's id, unique within one run, increasing with birth. */
  public long id() { return id; }
  /** The feed's own track id (ASTERIX CAT062 and friends), or null for a track built from plots. */
  public String feedTrack() { return feedTrack; }
  /** Whether the track passed the confirmation rule (M-of-N), or came confirmed from a feed. */
  public boolean confirmed() { return confirmed; }
  /** Measurements that updated the track, including those of duplicates folded into it. */
  public int hits() { return hits; }
  /** Time of the first measurement, epoch ms (of the walk it shared, for a track that split from another). */
  public long firstMs() { return firstMs; }
  /** The index of the track's first point of its own: after the walk it shared with the track it split from, else 0. */
  public int ownFrom() { return ownFrom; }
  /** Time of the newest measurement, epoch ms. */
  public long lastMs() { return lastMs; }
  /** Time the filter state refers to (the last update or prediction). */
  public long filterMs() { return filterMs; }
  /** The track's state estimator, at {@link #filterMs()}; read it, do not update it. */
  public MotionFilter filter() { return filter; }

  /** Measurements and corroborations of one sensor kind. */
  public int hits(Kind kind) {
    return hitsByKind[kind.ordinal()];
  }

  /** Number of distinct sensor kinds (radar, thermal) that contributed. */
  public int sensorKinds() {
    int n = 0;
    for (Kind k : Kind.values()) {
      if (k != Kind.PATROL && hitsByKind[k.ordinal()] > 0) n++;
    }
    return n;
  }

  /** Sources of the observations used, in arrival order, at most {@link #MAX_EVIDENCE}; do not modify. */
  public List<Source> evidence() { return evidence; }
  /** Sources beyond {@link #MAX_EVIDENCE}, counted but not listed. */
  public long evidenceDropped() { return evidenceDropped; }
  /** The confidence-weighted class vote of every sensor that classified the target. */
  public ClassVotes classes() { return classes; }

  /** Mean sensor confidence, NaN when no sensor gave one. */
  public double meanConf() {
    return confN == 0 ? Double.NaN : confSum / confN;
  }

  /**
   * Velocity {vx, vy} in m/s fitted by least squares to the filtered path over the last {@code
   * windowMs}: steadier than the filter's instantaneous estimate, which must stay agile to follow
   * turns.
   */
  public double[] smoothedVelocity(long windowMs) {
    if (points < 2) {
      return new double[] {filter.vx(), filter.vy()};
    }
    long end = pt[points - 1];
    int first = points - 1;
    while (first > 0 && end - pt[first - 1] <= windowMs) first--;
    int n = points - first;
    if (n < 2) {
      return new double[] {filter.vx(), filter.vy()};
    }
    double mt = 0, mx = 0, my = 0;
    for (int i = first; i < points; i++) {
      mt += (pt[i] - end) / 1000.0;
      mx += px[i];
      my += py[i];
    }
    mt /= n;
    mx /= n;
    my /= n;
    double stt = 0, stx = 0, sty = 0;
    for (int i = first; i < points; i++) {
      double dt = (pt[i] - end) / 1000.0 - mt;
      stt += dt * dt;
      stx += dt * (px[i] - mx);
      sty += dt * (py[i] - my);
    }
    return stt == 0 ? new double[] {filter.vx(), filter.vy()} : new double[] {stx / stt, sty / stt};
  }

  /** Points of the filtered path (at least one; at most one per second). */
  public int points() { return points; }
  /** Time of point {@code i} (0 ≤ i < {@link #points()}), epoch ms; increasing with i. */
  public long pointT(int i) { return pt[i]; }
  /** Filtered x of point {@code i}, m. */
  public double pointX(int i) { return px[i]; }
  /** Filtered y of point {@code i}, m. */
  public double pointY(int i) { return py[i]; }
}
