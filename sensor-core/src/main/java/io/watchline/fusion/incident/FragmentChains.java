package io.watchline.fusion.incident;

import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.track.Track;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Kind;
import io.watchline.observation.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A walker crossing a Doppler radar's beam is seen on a few scans a minute: the tracker follows it
 * in pieces of seconds to a few minutes, each too short to be a target. Pieces that follow one
 * another in time, start where the last one ended and keep its course are one walker: a
 * <em>chain</em>. A chain that walked straight for minutes towards the line is a lost track there,
 * and its part across the line a found one, handed to the {@link CrossingStitcher}, which infers
 * the crossing from the evidence of both sides (never from one side alone: a chain is no approach,
 * loiter or lone inference). Chance plots rarely keep a course piece after piece, and a herd,
 * grazing in 100-300 m steps with pauses and sideways swings, breaks the chain (a pause) or fails
 * its straightness.
 *
 * <p>Positions are metres in the border's local plane, times epoch ms. Memory: chains that a piece
 * could still extend (ended less than {@code maxGapMs} ago). Not thread-safe.
 */
public final class FragmentChains {
  /** A piece may start this long after the chain's last one ended (two radars' pieces may overlap a little). */
  static final long MAX_GAP_MS = 3 * 60_000L, OVERLAP_MS = 30_000L;
  /** Its start within this much of the chain's end, plus a brisk walk over the gap. */
  static final double LINK_SLACK_M = 100, LINK_MPS = 2.5;
  /** A piece must keep the chain's course within this angle (its last minutes, once it moved this far). */
  static final double MAX_TURN_DEG = 60, COURSE_MIN_M = 100;
  /** The side's part of the chain needs this straightness over points this far apart in time. */
  static final double MIN_STRAIGHTNESS = 0.8;
  static final long STEP_MS = 60_000L;
  /** ... at least a slow walk over its life (a chain of pieces standing in one place is not one). */
  static final double MIN_NET_MPS = 0.5;
  /** The part before the line must be a walk of minutes, the part across at least this long. */
  static final long MIN_FAR_SIDE_MS = 120_000L;
  /**
   * A chain too short for that walk (a walker across a Doppler beam seen on one or two scans in
   * ten) still counts beside a good track found across the line ahead of it: this many plots over
   * this long, straight and moving, lost this close to the line (8-70 plots over 1-4 min, 10-90 m
   * short of the line, on the tuning nights' crossings).
   */
  static final int SHORT_MIN_HITS = 6;
  static final long SHORT_MIN_MS = 45_000L;
  static final double SHORT_NEAR_M = 300;

  /**
   * Lone radar plots (tentative tracks that never confirmed) are chained when they fall this close
   * to the line: a walker across a Doppler beam gives 1-5 plots a minute, seldom three in 15 s.
   */
  static final double PLOT_BAND_M = 1500;
  /**
   * Once a chain has a course, a lone plot links only near where that course puts the chain now:
   * within this much plus a pace error over the gap (a false plot lands anywhere; 3-8 a scan per
   * radar would otherwise bend a walker's chain every few minutes).
   */
  static final double PLOT_GATE_M = 80, PLOT_PACE_ERROR_MPS = 0.5;
  /**
   * ... and may come this long after the chain's last plot: at one plot a minute, gaps of 3-6 min
   * come every few minutes (5.5 min on a tuning night's walker); the course gate keeps them tight.
   */
  static final long PLOT_MAX_GAP_MS = 6 * 60_000L;
  /**
   * Where the course gate expects the next plot: on a line fitted to the chain's points of this long
   * (at least this many, spread at least this much in time, rms seconds). A walker across a beam 6-9 km
   * out is plotted 30-90 m off along its course (the radar's cross-range error there): the line through
   * its last plot put the next one 130-220 m from where it fell on the tuning nights' misses, beyond
   * the gate, and the walker's plots fell into chains of 5-15 each, none a walk.
   */
  static final long FIT_MS = 5 * 60_000L;
  static final int FIT_MIN_POINTS = 4;
  static final double FIT_MIN_SPREAD_S = 30;
  /**
   * A lone plot links only where a false one would seldom land in the link's gate over the gap:
   * fewer than this many expected, from the lone plots counted near there over the last 10-20 min.
   * False plots are spread over a radar's area: 0.3-0.4 a minute per km² for a 10-km radar (a
   * walker's 3-min gap is safe), 8 for a short-range one (every link would be a guess).
   */
  static final double MAX_CHANCE_PLOTS = 0.4;
  static final double DENSITY_CELL_M = 1000;
  static final long DENSITY_BIN_MS = 10 * 60_000L;

  private final BorderView border;
  private final IncidentConfig cfg;
  private final CrossingStitcher stitcher;
  private final int minHits;
  private final long minWalkMs;
  private final List<Chain> open = new ArrayList<>();
  /** Lone plots per cell: {10-min bin, count in it, count in the bin before}. */
  private final Map<Long, long[]> lonePlots = new HashMap<>();

  /**
   * @param minHits each side's part needs this many measurements (a track's own floor)
   * @param minWalkMs the part walking to the line must be this long (a radar-only walker's floor), ms
   */
  public FragmentChains(BorderView border, IncidentConfig cfg, CrossingStitcher stitcher, int minHits, long minWalkMs) {
    this.border = border;
    this.cfg = cfg;
    this.stitcher = stitcher;
    this.minHits = minHits;
    this.minWalkMs = minWalkMs;
  }

  /** Takes a closed piece that was not good enough to be a target on its own. */
  public void piece(Track t, List<TrackPoint> points) {
    int n = t.points();
    if (n == 0) return;
    forget(t.firstMs());
    Chain best = null;
    double bestD = Double.MAX_VALUE;
    for (Chain c : open) {
      if (c.lonePlots) continue;
      double d = c.linkDistance(t);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    join(best, t, points, false);
  }

  /** Whether {@code t}, a track that never confirmed, is lone radar plots near the line that {@link #plots} takes. */
  public boolean takesPlots(Track t) {
    if (t.feedTrack() != null || t.points() == 0 || t.hits(Kind.RADAR) != t.hits()) return false;
    for (int i = 0; i < t.points(); i++) {
      if (Math.abs(border.signedDistanceXY(t.pointX(i), t.pointY(i))) <= PLOT_BAND_M) return true;
    }
    return false;
  }

  /**
   * Takes lone plots (a tentative track that never confirmed). They join the chain, among those
   * that can take them, with the most measurements (a walker's chain, not a false plot's), or begin
   * one.
   */
  public void plots(Track t, List<TrackPoint> points) {
    if (t.points() == 0) return;
    forget(t.firstMs());
    for (int i = 0; i < t.points(); i++) {
      count(t.pointX(i), t.pointY(i), t.pointT(i));
    }
    Chain best = null;
    double bestD = Double.MAX_VALUE;
    for (Chain c : open) {
      if (!c.lonePlots) continue;
      double d = c.plotDistance(t);
      if (d == Double.MAX_VALUE) continue;
      if (best == null || c.hits > best.hits || (c.hits == best.hits && d < bestD)) {
        best = c;
        bestD = d;
      }
    }
    if (jumped(t)) {
      joinFirst(best, t, points);
    } else {
      join(best, t, points, true);
    }
  }

  /**
   * Whether lone plots ran apart faster than a walk (with the slack of two plots far from the radar):
   * the tracker's tentative gate took a plot of each of two groups walking 100-300 m apart (a close
   * pair, tuning night 56), or a false plot beside a walker's. Only the first plot, the one that linked
   * (or begins a chain), is the walker's; taking the last too moved the chain's end onto the other
   * group and bent its walk below the straightness a walk needs.
   */
  static boolean jumped(Track t) {
    int n = t.points();
    if (n < 2) return false;
    double d = Math.hypot(t.pointX(n - 1) - t.pointX(0), t.pointY(n - 1) - t.pointY(0));
    return d > LINK_SLACK_M + LINK_MPS * (t.lastMs() - t.firstMs()) / 1000.0;
  }

  /** Adds only {@code t}'s first plot to {@code best} (or a new chain), and reports what that chain now shows. */
  private void joinFirst(Chain best, Track t, List<TrackPoint> points) {
    if (best == null) {
      best = new Chain(t.id(), true);
      open.add(best);
    }
    best.addFirst(t, points);
    best.report(t.firstMs());
  }

  /** Adds {@code t} to {@code best}, or to a new chain of its kind when none could take it, and reports what that chain now shows. */
  private void join(Chain best, Track t, List<TrackPoint> points, boolean lonePlots) {
    if (best == null) {
      best = new Chain(t.id(), lonePlots);
      open.add(best);
    }
    best.add(t, points);
    best.report(t.firstMs());
  }

  private static long cell(double x, double y) {
    return ((long) Math.floor(x / DENSITY_CELL_M) << 32) ^ ((long) Math.floor(y / DENSITY_CELL_M) & 0xffffffffL);
  }

  private void count(double x, double y, long tMs) {
    long bin = Math.floorDiv(tMs, DENSITY_BIN_MS);
    long[] c = lonePlots.computeIfAbsent(cell(x, y), k -> new long[] {bin, 0, 0});
    if (c[0] < bin) {
      c[2] = c[0] == bin - 1 ? c[1] : 0;
      c[1] = 0;
      c[0] = bin;
    }
    c[1]++;
  }

  /** False plots expected within {@code radiusM} of (x, y) over {@code gapMs}, from the lone plots counted there lately. */
  double chancePlots(double x, double y, long tMs, double radiusM, long gapMs) {
    long[] c = lonePlots.get(cell(x, y));
    if (c == null) return 0;
    long bin = Math.floorDiv(tMs, DENSITY_BIN_MS);
    long n = c[0] == bin ? c[1] + c[2] : c[0] == bin - 1 ? c[1] : 0;
    double windowS = (Math.floorMod(tMs, DENSITY_BIN_MS) + DENSITY_BIN_MS) / 1000.0;
    double perM2S = n / (DENSITY_CELL_M * DENSITY_CELL_M * windowS);
    return perM2S * Math.PI * radiusM * radiusM * Math.max(0, gapMs) / 1000.0;
  }

  /** Drops the chains no piece beginning at or after {@code birth} can extend. */
  public void forget(long birth) {
    open.removeIf(c -> c.lastMs + Math.max(MAX_GAP_MS, PLOT_MAX_GAP_MS) < birth);
  }

  /** Open chains (for tests and the fuse summary). */
  public int open() {
    return open.size();
  }

  /** One walker followed in pieces: its points (piece ends), measurements and evidence so far. */
  private final class Chain {
    final long id;
    final List<long[]> times = new ArrayList<>(); // per point: {t}
    final List<double[]> xy = new ArrayList<>(); // per point: {x, y, signed distance}
    final List<TrackPoint> track = new ArrayList<>();
    final List<List<Source>> evidence = new ArrayList<>();
    final List<int[]> hitsAt = new ArrayList<>(); // cumulative hits at each point
    int hits;
    long lastMs = Long.MIN_VALUE;
    long endStartMs = -1; // the start of the first piece reported as a loose end (the bound it holds)
    boolean startReported;
    /**
     * Whether it chains lone plots (else pieces). The two are kept apart: a walker's pieces already make
     * their chain, and lone plots (a third of them false near a short-range radar) would bend it.
     */
    final boolean lonePlots;

    Chain(long id, boolean lonePlots) {
      this.id = id;
      this.lonePlots = lonePlots;
    }

    /** How far the piece starts from where this chain would link it, m; MAX_VALUE when it cannot. */
    double linkDistance(Track t) {
      long gap = t.firstMs() - lastMs;
      if (gap > MAX_GAP_MS || gap < -OVERLAP_MS) return Double.MAX_VALUE;
      double[] end = xy.get(xy.size() - 1);
      double d = Math.hypot(t.pointX(0) - end[0], t.pointY(0) - end[1]);
      if (d > LINK_SLACK_M + LINK_MPS * Math.max(0, gap) / 1000.0) return Double.MAX_VALUE;
      int n = t.points();
      if (!endsWithinWalk(t, end)) return Double.MAX_VALUE;
      double[] from = recent(lastMs - 3 * STEP_MS);
      double cx = end[0] - from[0], cy = end[1] - from[1];
      double px = t.pointX(n - 1) - end[0], py = t.pointY(n - 1) - end[1];
      if (Math.hypot(cx, cy) >= COURSE_MIN_M && Math.hypot(px, py) >= LINK_SLACK_M) {
        double turn = Math.toDegrees(Math.abs(Math.atan2(cx * py - cy * px, cx * px + cy * py)));
        if (turn > MAX_TURN_DEG) return Double.MAX_VALUE;
      }
      return d;
    }

    /**
     * Whether the piece also ends where a brisk walk from the chain's end could have taken it by
     * then, with the slack at both of its ends (a piece of 2-3 plots far from the radar is off by
     * up to 100 m at either): a chance piece that begins on the walker and runs off along its
     * course at 10-20 m/s (three to five false plots in a row, 450 m in 20 s) would move the chain's
     * end hundreds of metres ahead, and the walker's next pieces, beginning where the walker is,
     * would start a chain of their own.
     */
    private boolean endsWithinWalk(Track t, double[] end) {
      int n = t.points();
      double e = Math.hypot(t.pointX(n - 1) - end[0], t.pointY(n - 1) - end[1]);
      return e <= 2 * LINK_SLACK_M + LINK_MPS * Math.max(0, t.lastMs() - lastMs) / 1000.0;
    }

    /**
     * How far lone plots start from where the chain would be now; MAX_VALUE when they cannot join:
     * with a course, near where it puts the chain; without one, as a piece would.
     */
    double plotDistance(Track t) {
      long gap = t.firstMs() - lastMs;
      if (gap > PLOT_MAX_GAP_MS || gap < -OVERLAP_MS) return Double.MAX_VALUE;
      double[] end = xy.get(xy.size() - 1);
      double[] from = recent(lastMs - 3 * STEP_MS);
      long endMs = times.get(times.size() - 1)[0];
      double dt = (endMs - timeOf(from)) / 1000.0;
      double x = t.pointX(0), y = t.pointY(0);
      if (dt <= 0 || Math.hypot(end[0] - from[0], end[1] - from[1]) < COURSE_MIN_M) {
        double d = linkDistance(t);
        double r = LINK_SLACK_M + LINK_MPS * Math.max(0, gap) / 1000.0;
        return d != Double.MAX_VALUE && chancePlots(x, y, t.firstMs(), r, gap) <= MAX_CHANCE_PLOTS ? d : Double.MAX_VALUE;
      }
      double[] p = predicted(t.firstMs(), end, from, endMs, dt);
      double d = Math.hypot(x - p[0], y - p[1]);
      double r = PLOT_GATE_M + PLOT_PACE_ERROR_MPS * Math.max(0, gap) / 1000.0;
      return d <= r && chancePlots(x, y, t.firstMs(), r, gap) <= MAX_CHANCE_PLOTS ? d : Double.MAX_VALUE;
    }

    /**
     * Where the chain's walk puts it at {@code tMs}: a straight line fitted (least squares in time)
     * to its points of the last {@code FIT_MS}, when it has enough of them, spread enough in time;
     * else the line from {@code from} through its end. A walker across a radar's beam walks along the
     * radar's cross-range, where each plot is off by the azimuth error; the line through its last plot
     * carries that error ahead.
     */
    private double[] predicted(long tMs, double[] end, double[] from, long endMs, double dt) {
      int n = 0;
      double st = 0, stt = 0, sx = 0, sy = 0, stx = 0, sty = 0;
      for (int i = times.size() - 1; i >= 0 && times.get(i)[0] >= endMs - FIT_MS; i--) {
        double ti = (times.get(i)[0] - endMs) / 1000.0;
        double[] q = xy.get(i);
        n++;
        st += ti;
        stt += ti * ti;
        sx += q[0];
        sy += q[1];
        stx += ti * q[0];
        sty += ti * q[1];
      }
      double den = n * stt - st * st;
      if (n >= FIT_MIN_POINTS && den > 0 && Math.sqrt(den) / n >= FIT_MIN_SPREAD_S) {
        double bx = (n * stx - st * sx) / den, by = (n * sty - st * sy) / den;
        double ax = (sx - bx * st) / n, ay = (sy - by * st) / n;
        double tq = (tMs - endMs) / 1000.0;
        return new double[] {ax + bx * tq, ay + by * tq};
      }
      double s = (tMs - endMs) / 1000.0 / dt;
      return new double[] {end[0] + (end[0] - from[0]) * s, end[1] + (end[1] - from[1]) * s};
    }

    /** The chain's point at or just before {@code tMs} (its first if none). */
    private double[] recent(long tMs) {
      for (int i = times.size() - 1; i >= 0; i--) {
        if (times.get(i)[0] <= tMs) return xy.get(i);
      }
      return xy.get(0);
    }

    void add(Track t, List<TrackPoint> pts) {
      int n = t.points();
      for (int i : n == 1 ? new int[] {0} : new int[] {0, n - 1}) {
        double x = t.pointX(i), y = t.pointY(i);
        times.add(new long[] {t.pointT(i)});
        xy.add(new double[] {x, y, border.signedDistanceXY(x, y)});
        track.add(pts.get(i));
        hitsAt.add(new int[] {hits + (i == 0 ? 0 : t.hits())});
      }
      hits += t.hits();
      hitsAt.get(hitsAt.size() - 1)[0] = hits;
      evidence.add(List.copyOf(t.evidence()));
      lastMs = Math.max(lastMs, t.lastMs());
    }

    /** Adds the first plot of {@code t} alone, as one measurement. */
    void addFirst(Track t, List<TrackPoint> pts) {
      double x = t.pointX(0), y = t.pointY(0);
      times.add(new long[] {t.pointT(0)});
      xy.add(new double[] {x, y, border.signedDistanceXY(x, y)});
      track.add(pts.get(0));
      hits += 1;
      hitsAt.add(new int[] {hits});
      evidence.add(List.copyOf(t.evidence()));
      lastMs = Math.max(lastMs, t.pointT(0));
    }

    /** The index where the chain's last stretch on one side of the line began. */
    private int sideStart(int end) {
      double side = Math.signum(xy.get(end)[2]);
      int i = end;
      while (i > 0 && Math.signum(xy.get(i - 1)[2]) == side) i--;
      return i;
    }

    /** Hands the stitcher what the chain now shows: a walk lost near the line, or its part across. */
    void report(long pieceStartMs) {
      int last = xy.size() - 1;
      int s = sideStart(last);
      if (s > 0 && !startReported) {
        // it crossed between points s - 1 and s: the part before is the lost walk, this part the found
        // one. A chain that began near the line, too briefly before it to be a walk, is the walker's
        // second chain (its first broke off at a long gap short of the line): its part across is still
        // a track found there, for that first chain's loose end (evidence on both sides or nothing)
        boolean walkedIn = walk(0, s - 1, minWalkMs) || Math.abs(xy.get(0)[2]) <= cfg.stitchNearM();
        if (walkedIn && walk(s, last, MIN_FAR_SIDE_MS) && away(s, last)) {
          double[] a = xy.get(s);
          stitcher.found(new CrossingStitcher.LooseStart(id, times.get(s)[0], a[0], a[1], Math.signum(a[2]),
              hits - hitsAt.get(s - 1)[0], Spill.union(evidence), false));
          startReported = true;
        }
        return;
      }
      if (s > 0 && Math.abs(xy.get(last)[2]) <= cfg.stitchNearM() && towards(last)) {
        // its part across, reported found, walked out, stayed and is walking back to the line: lost
        // there like a chain that walked in (a return seen in pieces)
        int k = turn(s, last);
        if (k > s && walk(k, last, minWalkMs)) lost(last, pieceStartMs, false, k);
        return;
      }
      if (s == 0 && Math.abs(xy.get(last)[2]) <= cfg.stitchNearM() && towards(last)) {
        if (walk(0, last, minWalkMs)) {
          lost(last, pieceStartMs, false);
        } else if (walk(turn(0, last), last, minWalkMs)) {
          lost(last, pieceStartMs, false, turn(0, last)); // came back to the line: judged on the walk back
        } else if (Math.abs(xy.get(last)[2]) <= SHORT_NEAR_M && walk(0, last, SHORT_MIN_MS, SHORT_MIN_HITS)) {
          lost(last, pieceStartMs, true); // only a good track across, ahead of it, makes it a crossing
        }
      }
    }

    /**
     * Where the chain, on one side from point {@code first} to {@code last}, was farthest from the line: a walker who
     * went out from the line, stood and came back (a return's stay across it, seen in pieces) walks
     * to the line from there, and the chain over both legs measures no walk.
     */
    private int turn(int first, int last) {
      int k = first;
      for (int i = first + 1; i <= last; i++) {
        if (Math.abs(xy.get(i)[2]) > Math.abs(xy.get(k)[2])) k = i;
      }
      return k;
    }

    /** Reports the chain lost at its last point; the first report's piece start is the time it holds back. */
    private void lost(int last, long pieceStartMs, boolean goodPartnerOnly) {
      lost(last, pieceStartMs, goodPartnerOnly, 0);
    }

    /** ... its walk to the line scored from point {@code from}. */
    private void lost(int last, long pieceStartMs, boolean goodPartnerOnly, int walkFrom) {
      double[] e = xy.get(last);
      long t = times.get(last)[0];
      if (endStartMs < 0) endStartMs = pieceStartMs;
      double[] from = recent(t - 2 * STEP_MS);
      double dt = Math.max(1, (t - timeOf(from)) / 1000.0);
      double vx = (e[0] - from[0]) / dt, vy = (e[1] - from[1]) / dt;
      double[] ll = border.toLatLon(e[0], e[1]);
      List<TrackPoint> pts = List.copyOf(track);
      Candidate standIn = new Candidate(IncidentKind.APPROACH, t, endStartMs, t, ll[0], ll[1], border.sectorOf(ll[0], ll[1]),
          border.sideOf(ll[0], ll[1]), true, Math.abs(e[2]), 0, 1, "unknown", 0, 0, hits, netSpeed(walkFrom, last),
          straightness(walkFrom, last), 0, Double.NaN, id, pts, Spill.union(evidence));
      stitcher.replaceLost(new CrossingStitcher.LooseEnd(id, t, e[0], e[1], vx, vy, Math.signum(e[2]), standIn, false, false,
          true, true, goodPartnerOnly));
    }

    private long timeOf(double[] p) {
      for (int i = 0; i < xy.size(); i++) {
        if (xy.get(i) == p) return times.get(i)[0];
      }
      return times.get(0)[0];
    }

    /** Whether points i..j are a walk: long enough, enough hits, straight, moving. */
    private boolean walk(int i, int j, long minMs) {
      return walk(i, j, minMs, minHits);
    }

    private boolean walk(int i, int j, long minMs, int minH) {
      long life = times.get(j)[0] - times.get(i)[0];
      int h = hitsAt.get(j)[0] - (i == 0 ? 0 : hitsAt.get(i - 1)[0]);
      return life >= minMs && h >= minH && netSpeed(i, j) >= MIN_NET_MPS
          && straightness(i, j) >= MIN_STRAIGHTNESS;
    }

    private boolean towards(int last) {
      double[] from = recent(times.get(last)[0] - 2 * STEP_MS);
      return Math.abs(xy.get(last)[2]) < Math.abs(from[2]) - cfg.stitchClosingMps() * 60;
    }

    private boolean away(int s, int last) {
      return Math.abs(xy.get(last)[2]) > Math.abs(xy.get(s)[2]) + cfg.stitchClosingMps() * 60;
    }

    private double netSpeed(int i, int j) {
      double dt = (times.get(j)[0] - times.get(i)[0]) / 1000.0;
      return dt <= 0 ? 0 : Math.hypot(xy.get(j)[0] - xy.get(i)[0], xy.get(j)[1] - xy.get(i)[1]) / dt;
    }

    /** Net over walked distance on points at least {@code STEP_MS} apart (position noise of short steps is no wandering). */
    private double straightness(int i, int j) {
      double path = 0;
      int prev = i;
      for (int k = i + 1; k <= j; k++) {
        if (times.get(k)[0] - times.get(prev)[0] < STEP_MS && k < j) continue;
        path += Math.hypot(xy.get(k)[0] - xy.get(prev)[0], xy.get(k)[1] - xy.get(prev)[1]);
        prev = k;
      }
      double net = Math.hypot(xy.get(j)[0] - xy.get(i)[0], xy.get(j)[1] - xy.get(i)[1]);
      return path <= 0 ? 0 : net / path;
    }
  }

}
