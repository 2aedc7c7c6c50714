package io.watchline.geo.coverage;

import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.Track;
import io.watchline.geo.proj.LocalProjection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What patrols sweep, one fix at a time: the raster cells within half the sweep width of their
 * path, the visit times of each border sample, and each unit's path for drawing. Gaps of up to
 * 15 min and 3 km between a unit's fixes are walked; each unit's fixes must come in time order.
 */
final class PatrolSweep {
  private static final long MAX_FIX_GAP_MS = 15 * 60_000L;
  private static final double MAX_FIX_JUMP_M = 3000;

  private final LocalProjection projection;
  private final GridFrame frame;
  private final CoverageOptions o;
  private final TimeCover time;
  private final BorderSamples samples;
  private final byte[] patrolled;
  private final long[][] visits;
  private final int[] visitCount;
  private final Map<String, double[]> lastFix = new HashMap<>();
  private final Map<String, TrackBuilder> tracks = new LinkedHashMap<>();
  private long fixes;
  private long fixesInWindow;
  private long fixesCounted;

  PatrolSweep(LocalProjection projection, GridFrame frame, CoverageOptions o, TimeCover time, BorderSamples samples) {
    this.projection = projection;
    this.frame = frame;
    this.o = o;
    this.time = time;
    this.samples = samples;
    this.patrolled = new byte[frame.width() * frame.height()];
    this.visits = new long[samples.size()][];
    this.visitCount = new int[samples.size()];
  }

  /** Takes one fix; fixes up to one revisit time before the window count too: such a visit watches the window's start. */
  void add(PatrolFix f) {
    fixes++;
    long t0 = f.epochMillis();
    if (t0 < o.windowStartMillis() - o.revisitMillis() || t0 >= o.windowEndMillis()
        || Double.isNaN(f.lat()) || Double.isNaN(f.lon())) {
      return;
    }
    String unit = f.unit() == null ? "?" : f.unit();
    LocalProjection.Xy xy = projection.forward(f.lat(), f.lon());
    if (time.inWindow(t0)) {
      fixesInWindow++;
      tracks.computeIfAbsent(unit, TrackBuilder::new).add(f.lon(), f.lat(), xy.x(), xy.y());
    }
    double[] prev = lastFix.get(unit);
    double step = Math.max(10, o.sweepM() / 2);
    if (prev != null && f.epochMillis() >= prev[2] && f.epochMillis() - prev[2] <= MAX_FIX_GAP_MS
        && Math.hypot(xy.x() - prev[0], xy.y() - prev[1]) <= MAX_FIX_JUMP_M) {
      double d = Math.hypot(xy.x() - prev[0], xy.y() - prev[1]);
      int n = (int) Math.ceil(d / step);
      for (int k = 1; k <= n; k++) {
        double t = (double) k / n;
        visit(prev[0] + t * (xy.x() - prev[0]), prev[1] + t * (xy.y() - prev[1]),
            (long) (prev[2] + t * (f.epochMillis() - prev[2])));
      }
    } else {
      visit(xy.x(), xy.y(), f.epochMillis());
    }
    lastFix.put(unit, new double[] {xy.x(), xy.y(), f.epochMillis()});
  }

  private void visit(double x, double y, long t) {
    if (time.counted(t)) {
      fixesCounted++;
    }
    double radius = o.sweepM() / 2;
    int rc = (int) Math.ceil(radius / frame.cellM());
    int c0 = frame.colOf(x);
    int r0 = frame.rowOf(y);
    for (int r = r0 - rc; r <= r0 + rc; r++) {
      for (int c = c0 - rc; c <= c0 + rc; c++) {
        if (frame.contains(c, r) && Math.hypot(frame.centerX(c) - x, frame.centerY(r) - y) <= radius + frame.cellM() / 2) {
          patrolled[r * frame.width() + c] = 1;
        }
      }
    }
    samples.forEachWithin(x, y, radius, s -> addVisit(s, t));
  }

  private void addVisit(int s, long t) {
    long[] v = visits[s];
    if (v == null) {
      v = visits[s] = new long[4];
    } else if (visitCount[s] == v.length) {
      v = visits[s] = Arrays.copyOf(v, v.length * 2);
    }
    // consecutive densified points of one pass are seconds apart; one visit per minute is enough
    if (visitCount[s] > 0 && Math.abs(v[visitCount[s] - 1] - t) < 60_000) {
      return;
    }
    v[visitCount[s]++] = t;
  }

  /** Cells swept by a patrol (1) in the frame's row-major order. */
  byte[] patrolled() {
    return patrolled;
  }

  /** Visit times of sample i (only the first {@link #visitCount} are used). */
  long[] visits(int i) {
    return visits[i] == null ? new long[0] : visits[i];
  }

  int visitCount(int i) {
    return visitCount[i];
  }

  List<Track> tracks() {
    List<Track> out = new ArrayList<>();
    for (TrackBuilder tb : tracks.values()) {
      out.add(new Track(tb.unit, tb.lonLat()));
    }
    return out;
  }

  CoverageResult.PatrolStats stats() {
    return new CoverageResult.PatrolStats(fixes, fixesInWindow, fixesCounted, tracks.size());
  }

  /** Keeps a unit's path with points at least 50 m apart (for drawing, not for coverage). */
  private static final class TrackBuilder {
    final String unit;
    double[] pts = new double[64];
    int n;
    double lastX = Double.NaN;
    double lastY = Double.NaN;

    TrackBuilder(String unit) {
      this.unit = unit;
    }

    void add(double lon, double lat, double x, double y) {
      if (!Double.isNaN(lastX) && Math.hypot(x - lastX, y - lastY) < 50) {
        return;
      }
      lastX = x;
      lastY = y;
      if (n + 2 > pts.length) {
        pts = Arrays.copyOf(pts, pts.length * 2);
      }
      pts[n++] = lon;
      pts[n++] = lat;
    }

    double[] lonLat() {
      return Arrays.copyOf(pts, n);
    }
  }
}
