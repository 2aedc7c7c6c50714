package io.watchline.geo.coverage;

import io.watchline.geo.InvalidValueException;
import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.BorderSample;
import io.watchline.geo.coverage.CoverageResult.Gap;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.coverage.CoverageResult.Suggestion;
import io.watchline.geo.coverage.CoverageResult.Track;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.proj.LocalProjection;
import io.watchline.geo.sector.Sector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * Coverage of a border by fixed sensors and patrols, in three steps: {@link #prepare} computes
 * what the sensors see (viewsheds in parallel over sites) and samples the border; {@link
 * #addPatrolFix} takes patrol positions one at a time (streaming, in any order per unit as long
 * as each unit's fixes come in time order); {@link #finish} extracts gaps, the sector table and
 * suggestions. See docs/coverage.md for the definitions.
 */
public final class CoverageAnalysis {
  private static final long MAX_FIX_GAP_MS = 15 * 60_000L;
  private static final double MAX_FIX_JUMP_M = 3000;
  private static final GeometryFactory GF = new GeometryFactory();

  private final BorderContext ctx;
  private final Terrain terrain;
  private final List<SensorSpec> sensors;
  private final CoverageOptions o;
  private final GridFrame frame;
  private final TimeCover time;
  private final float[] seenPd;
  private final List<Contribution> contributions = new ArrayList<>();
  private final byte[] patrolled;
  private final byte[] inBand;
  private final LineString borderXy;
  private final double[] sx;
  private final double[] sy;
  private final double[] along;
  private final double[] from;
  private final double[] to;
  private final double[] weight;
  private final String[] sampleSector;
  private final long[][] visits;
  private final int[] visitCount;
  private final Map<Long, int[]> sampleBuckets = new HashMap<>();
  private final double bucketM;
  private final Map<String, double[]> lastFix = new HashMap<>();
  private final Map<String, TrackBuilder> tracks = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private long fixes;
  private long fixesInWindow;
  private long fixesCounted;

  private CoverageAnalysis(BorderContext ctx, Terrain terrain, List<SensorSpec> sensors, CoverageOptions o) {
    this.ctx = ctx;
    this.terrain = terrain;
    this.sensors = List.copyOf(sensors);
    this.o = o;
    ElevationGrid g = terrain.grid();
    this.frame = new GridFrame(g.west(), g.north(), g.cellX(), g.width(), g.height());
    this.time = new TimeCover(o);
    this.seenPd = new float[g.width() * g.height()];
    this.patrolled = new byte[g.width() * g.height()];
    this.inBand = new byte[g.width() * g.height()];
    this.borderXy = (LineString) ctx.projection().forward(ctx.borderLonLat());
    double[][] stretches = stretches(ctx, borderXy.getLength());
    int n = 0;
    for (double[] st : stretches) {
      n += pieces(st, o.sampleM());
    }
    sx = new double[n];
    sy = new double[n];
    along = new double[n];
    from = new double[n];
    to = new double[n];
    weight = new double[n];
    sampleSector = new String[n];
    visits = new long[n][];
    visitCount = new int[n];
    LengthIndexedLine li = new LengthIndexedLine(borderXy);
    List<Sector> sectorList = ctx.sectors();
    int i = 0;
    // samples never straddle a sector's end, so a sector's samples add up to its border length
    for (double[] st : stretches) {
      int m = pieces(st, o.sampleM());
      double step = (st[1] - st[0]) / m;
      for (int k = 0; k < m; k++, i++) {
        from[i] = st[0] + k * step;
        to[i] = k == m - 1 ? st[1] : st[0] + (k + 1) * step;
        along[i] = (from[i] + to[i]) / 2;
        weight[i] = to[i] - from[i];
        Coordinate c = li.extractPoint(along[i]);
        sx[i] = c.x;
        sy[i] = c.y;
        sampleSector[i] = st[2] >= 0 ? sectorList.get((int) st[2]).id() : "-";
      }
    }
    this.bucketM = Math.max(100, o.sweepM());
    for (i = 0; i < n; i++) {
      long key = bucketKey(Math.floorDiv((long) sx[i], (long) bucketM), Math.floorDiv((long) sy[i], (long) bucketM));
      int[] arr = sampleBuckets.get(key);
      arr = arr == null ? new int[] {i} : append(arr, i);
      sampleBuckets.put(key, arr);
    }
  }

  /** The whole line as stretches {from, to, sector number or -1}: the sector pieces and what lies between. */
  private static double[][] stretches(BorderContext ctx, double length) {
    List<double[]> out = new ArrayList<>();
    double at = 0;
    for (double[] p : ctx.sectorPieces()) {
      if (p[0] > at + 1e-6) {
        out.add(new double[] {at, p[0], -1});
      }
      if (p[1] > p[0]) {
        out.add(p);
      }
      at = Math.max(at, p[1]);
    }
    if (length > at + 1e-6) {
      out.add(new double[] {at, length, -1});
    }
    return out.toArray(double[][]::new);
  }

  private static int pieces(double[] stretch, double sampleM) {
    return Math.max(1, (int) Math.ceil((stretch[1] - stretch[0]) / sampleM - 1e-9));
  }

  /** The raster frame for a border and its sensors: their envelope plus a margin, in whole cells. */
  public static GridFrame frameFor(BorderContext ctx, List<SensorSpec> sensors, double cellM, double marginM) {
    LocalProjection p = ctx.projection();
    Envelope env = new Envelope(p.forward(ctx.borderLonLat()).getEnvelopeInternal());
    for (SensorSpec s : sensors) {
      LocalProjection.Xy xy = p.forward(s.lat(), s.lon());
      env.expandToInclude(xy.x(), xy.y());
    }
    env.expandBy(marginM);
    double west = Math.floor(env.getMinX() / cellM) * cellM;
    double north = Math.ceil(env.getMaxY() / cellM) * cellM;
    int width = (int) Math.ceil((env.getMaxX() - west) / cellM);
    int height = (int) Math.ceil((north - env.getMinY()) / cellM);
    if ((long) width * height > 60_000_000L) {
      throw new InvalidValueException("coverage raster of " + width + "x" + height + " cells is too large; use a larger --cell");
    }
    return new GridFrame(west, north, cellM, width, height);
  }

  /** How one sensor's line of sight is computed over the terrain grid. */
  @FunctionalInterface
  public interface ViewshedMethod {
    Visibility compute(ElevationGrid terrain, int col, int row, ViewshedParams p);
  }

  /** Prepares with the default line of sight ({@link LineOfSight#DEFAULT}). */
  public static CoverageAnalysis prepare(BorderContext ctx, Terrain terrain, List<SensorSpec> sensors, CoverageOptions o) {
    return prepare(ctx, terrain, sensors, o, LineOfSight.DEFAULT);
  }

  public static CoverageAnalysis prepare(
      BorderContext ctx, Terrain terrain, List<SensorSpec> sensors, CoverageOptions o, ViewshedMethod method) {
    CoverageAnalysis a = new CoverageAnalysis(ctx, terrain, sensors, o);
    if (method instanceof LineOfSight l) {
      a.notes.add(l.note());
    }
    a.computeSensorCoverage(method);
    return a;
  }

  // ---------------------------------------------------------------- sensors

  /** Detection probability contributions of one sensor over its viewshed window. */
  private record Contribution(Visibility vis, float[] pd) {}

  private void computeSensorCoverage(ViewshedMethod method) {
    List<Contribution> parts = sensors.parallelStream().map(s -> contribution(s, method)).toList();
    for (int k = 0; k < parts.size(); k++) {
      if (parts.get(k) == null) {
        notes.add("sensor " + sensors.get(k).id() + " lies outside the analysis area and was skipped");
      }
      contributions.add(parts.get(k));
    }
  }

  /** Combines the sensors chosen by {@code use} into {@link #seenPd}: 1 − Π(1 − pᵢ) per cell. */
  private void combine(boolean[] use) {
    float[] miss = new float[seenPd.length];
    Arrays.fill(miss, 1f);
    for (int k = 0; k < contributions.size(); k++) {
      Contribution part = contributions.get(k);
      if (part == null || !use[k]) {
        continue;
      }
      Visibility v = part.vis();
      for (int r = 0; r < v.height(); r++) {
        int base = (v.row0() + r) * frame.width() + v.col0();
        for (int c = 0; c < v.width(); c++) {
          float p = part.pd()[r * v.width() + c];
          if (p > 0) {
            miss[base + c] *= 1 - p;
          }
        }
      }
    }
    for (int i = 0; i < miss.length; i++) {
      seenPd[i] = 1 - miss[i];
    }
  }

  /** Detection probability sensor k gives the cell holding (x, y); 0 outside its viewshed. */
  private float pdAt(int k, double x, double y) {
    Contribution part = contributions.get(k);
    if (part == null) {
      return 0;
    }
    Visibility v = part.vis();
    int c = frame.colOf(x) - v.col0();
    int r = frame.rowOf(y) - v.row0();
    if (c < 0 || r < 0 || c >= v.width() || r >= v.height()) {
      return 0;
    }
    if (terrain.noDataAt(frame.colOf(x), frame.rowOf(y))) {
      return 0;
    }
    return part.pd()[r * v.width() + c];
  }

  private Contribution contribution(SensorSpec s, ViewshedMethod method) {
    ElevationGrid g = terrain.grid();
    LocalProjection.Xy xy = ctx.projection().forward(s.lat(), s.lon());
    int col = g.colOf(xy.x());
    int row = g.rowOf(xy.y());
    if (!g.contains(col, row)) {
      return null;
    }
    ViewshedParams p = new ViewshedParams(s.heightM(), o.targetHeightM(), s.curvatureCoeff(), s.rangeMaxM(),
        ViewshedParams.WGS84_DIAMETER_M);
    Visibility v = method.compute(g, col, row, p);
    float[] pd = new float[v.width() * v.height()];
    double rmin = Double.isNaN(s.rangeMinM()) ? 0 : s.rangeMinM();
    for (int r = 0; r < v.height(); r++) {
      for (int c = 0; c < v.width(); c++) {
        int gc = v.col0() + c;
        int gr = v.row0() + r;
        if (!v.visible(gc, gr) || terrain.noData(gc, gr)) {
          continue;
        }
        double dx = g.centerX(gc) - xy.x();
        double dy = g.centerY(gr) - xy.y();
        double d = Math.hypot(dx, dy);
        if (d < rmin || d > s.rangeMaxM()) {
          continue;
        }
        if (d > g.cellX() && !s.allRound() && !s.inFieldOfView(Math.toDegrees(Math.atan2(dx, dy)))) {
          continue;
        }
        pd[r * v.width() + c] = (float) detectionProbability(d, rmin, s.rangeMaxM());
      }
    }
    return new Contribution(v, pd);
  }

  /** Linear fall-off from 1 at the minimum range to {@code pdAtMaxRange} at the maximum. */
  double detectionProbability(double d, double rmin, double rmax) {
    if (o.pdAtMaxRange() >= 1 || rmax <= rmin) {
      return 1;
    }
    double t = Math.max(0, Math.min(1, (d - rmin) / (rmax - rmin)));
    return 1 - t * (1 - o.pdAtMaxRange());
  }

  // ---------------------------------------------------------------- patrols

  /**
   * Takes one patrol fix; gaps of up to 15 min and 3 km between a unit's fixes are walked. Fixes
   * up to one revisit time before the window count too: such a visit watches the window's start.
   */
  public void addPatrolFix(PatrolFix f) {
    fixes++;
    long t0 = f.epochMillis();
    if (t0 < o.windowStartMillis() - o.revisitMillis() || t0 >= o.windowEndMillis()
        || Double.isNaN(f.lat()) || Double.isNaN(f.lon())) {
      return;
    }
    String unit = f.unit() == null ? "?" : f.unit();
    LocalProjection.Xy xy = ctx.projection().forward(f.lat(), f.lon());
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
    long bx = Math.floorDiv((long) x, (long) bucketM);
    long by = Math.floorDiv((long) y, (long) bucketM);
    for (long j = by - 1; j <= by + 1; j++) {
      for (long i = bx - 1; i <= bx + 1; i++) {
        int[] ids = sampleBuckets.get(bucketKey(i, j));
        if (ids == null) {
          continue;
        }
        for (int s : ids) {
          if (Math.hypot(sx[s] - x, sy[s] - y) <= radius) {
            addVisit(s, t);
          }
        }
      }
    }
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

  // ---------------------------------------------------------------- results

  /** Incident positions to count inside gaps (time NaN-free epoch ms, or Long.MIN_VALUE if unknown). */
  public record IncidentPoint(String id, double lat, double lon, long epochMillis) {}

  /** Finishes with every sensor assumed up for the whole window (planning: what the sites could see). */
  public CoverageResult finish(List<IncidentPoint> incidents) {
    return finish(incidents, null);
  }

  /**
   * Finishes with sensor availability from the window's observations: a sensor covers only while
   * it is alive ({@code uptime} null: all assumed up).
   */
  public CoverageResult finish(List<IncidentPoint> incidents, SensorUptime uptime) {
    int n = sx.length;
    int ns = sensors.size();
    long[] active = time.active();
    long[][] alive = new long[ns][];
    boolean[] alwaysUp = new boolean[ns];
    List<SensorUptime.Availability> availability = null;
    if (uptime != null) {
      availability = new ArrayList<>();
      for (int k = 0; k < ns; k++) {
        SensorUptime.Availability av = uptime.availability(sensors.get(k).id());
        availability.add(av);
        alive[k] = av.alive();
        alwaysUp[k] = Intervals.length(Intervals.subtract(active, av.alive())) == 0;
      }
    } else {
      for (int k = 0; k < ns; k++) {
        alive[k] = active;
        alwaysUp[k] = true;
      }
    }
    // the raster shows what sensors up for all the counted time saw; the samples follow the clock
    combine(alwaysUp);
    BorderSample[] samples = new BorderSample[n];
    boolean[] uncovered = new boolean[n];
    for (int i = 0; i < n; i++) {
      float[] pd = new float[ns];
      float allUp = 0;
      float miss = 1;
      for (int k = 0; k < ns; k++) {
        pd[k] = pdAt(k, sx[i], sy[i]);
        miss *= 1 - pd[k];
      }
      allUp = 1 - miss;
      long[] sensorWatched = sensorWatched(pd, alive, active);
      long[] v = visits[i] == null ? new long[0] : visits[i];
      long[] watched = Intervals.union(concat(sensorWatched, time.patrolWatched(v, visitCount[i])));
      long[] unwatched = Intervals.subtract(active, watched);
      long unwatchedMs = Intervals.length(unwatched);
      boolean seen = Intervals.length(Intervals.subtract(active, sensorWatched)) == 0 && allUp > 0;
      long worst = time.worstGapMillis(v, visitCount[i]);
      uncovered[i] = unwatchedMs > 0;
      LocalProjection.LatLonPoint ll = ctx.projection().inverse(sx[i], sy[i]);
      samples[i] = new BorderSample(sx[i], sy[i], ll.lat(), ll.lon(), along[i], weight[i], sampleSector[i], allUp, seen,
          visitCount[i], unwatchedMs, worst, uncovered[i], unwatched);
    }

    // gaps: runs of uncovered samples at least minGap long
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < n; ) {
      if (!uncovered[i]) {
        i++;
        continue;
      }
      int j = i;
      double len = 0;
      while (j < n && uncovered[j]) {
        len += weight[j];
        j++;
      }
      if (len >= o.minGapM()) {
        runs.add(new int[] {i, j});
      }
      i = j;
    }
    boolean[] inGap = new boolean[n];
    LengthIndexedLine li = new LengthIndexedLine(borderXy);
    double band = Math.max(o.sweepM(), 500);
    List<Geometry> gapPolysXy = new ArrayList<>();
    List<Gap> gaps = new ArrayList<>();
    int[] gapIncidents = new int[runs.size()];
    for (int k = 0; k < runs.size(); k++) {
      int[] run = runs.get(k);
      Arrays.fill(inGap, run[0], run[1], true);
      LineString xyPart = (LineString) li.extractLine(from[run[0]], to[run[1] - 1]);
      BufferParameters bp = new BufferParameters();
      bp.setEndCapStyle(BufferParameters.CAP_FLAT);
      gapPolysXy.add(org.locationtech.jts.operation.buffer.BufferOp.bufferOp(xyPart, band, bp));
    }
    List<IncidentPoint> inc = incidents == null ? List.of() : incidents;
    Map<String, Integer> incidentsBySector = new HashMap<>();
    for (IncidentPoint p : inc) {
      if (p.epochMillis() != Long.MIN_VALUE && !time.inWindow(p.epochMillis())) {
        continue;
      }
      LocalProjection.Xy xy = ctx.projection().forward(p.lat(), p.lon());
      org.locationtech.jts.geom.Point pt = GF.createPoint(new Coordinate(xy.x(), xy.y()));
      for (int k = 0; k < gapPolysXy.size(); k++) {
        if (gapPolysXy.get(k).covers(pt)) {
          gapIncidents[k]++;
          String sec = ctx.sectorOf(p.lat(), p.lon());
          incidentsBySector.merge(sec == null ? "-" : sec, 1, Integer::sum);
          break;
        }
      }
    }
    for (int k = 0; k < runs.size(); k++) {
      int[] run = runs.get(k);
      LinkedHashSet<String> secs = new LinkedHashSet<>();
      double len = 0;
      double unwatchedSum = 0;
      long[] when = new long[0];
      for (int i = run[0]; i < run[1]; i++) {
        secs.add(sampleSector[i]);
        len += weight[i];
        unwatchedSum += weight[i] * samples[i].unwatchedMillis();
        when = Intervals.union(concat(when, samples[i].unwatched()));
      }
      LineString xyPart = (LineString) li.extractLine(from[run[0]], to[run[1] - 1]);
      gaps.add(new Gap(String.format(Locale.ROOT, "GAP-%03d", k + 1), List.copyOf(secs), from[run[0]], to[run[1] - 1], len,
          unwatchedSum / len / 3_600_000.0, (LineString) ctx.projection().inverse(xyPart),
          ctx.projection().inverse(gapPolysXy.get(k)), gapIncidents[k], when));
    }

    List<SectorRow> rows = sectorRows(samples, inGap, gaps, incidentsBySector);
    List<Suggestion> suggestions = o.suggest() > 0
        ? Suggestions.suggest(ctx, terrain, sensors, o, borderXy,
            new Suggestions.Samples(sx, sy, from, to, weight, sampleSector), inGap)
        : List.of();

    List<Track> trackList = new ArrayList<>();
    for (TrackBuilder tb : tracks.values()) {
      trackList.add(new Track(tb.unit, tb.lonLat()));
    }
    List<Geometry> sectorPolys = new ArrayList<>();
    List<String> sectorIds = new ArrayList<>();
    for (Sector s : ctx.sectors()) {
      sectorPolys.add(s.polygon());
      sectorIds.add(s.id());
    }
    List<String> allNotes = new ArrayList<>();
    allNotes.add(terrain.flat()
        ? "FLAT EARTH: no DEM given, terrain masking ignored (earth curvature and refraction only)"
        : String.format(Locale.ROOT, "terrain: %s; %.1f %% of cells are DEM voids filled from the nearest cell", terrain.source(),
            100 * terrain.filledFraction()));
    if (terrain.outsideFraction() > 0) {
      double km = 0;
      for (BorderSample b : samples) {
        if (terrain.noDataAt(frame.colOf(b.x()), frame.rowOf(b.y()))) km += b.lengthM() / 1000;
      }
      allNotes.add(terrain.bareEarthOutside()
          ? String.format(Locale.ROOT, "%.1f %% of cells lie outside every DEM and were computed on bare earth "
              + "(--bare-earth-outside-dem)", 100 * terrain.outsideFraction())
          : String.format(Locale.ROOT, "NO TERRAIN DATA: %.1f %% of cells (%.1f km of border) lie outside every DEM; "
              + "they are never counted as seen (hatched on the map; --bare-earth-outside-dem computes them on bare earth)",
              100 * terrain.outsideFraction(), km));
    }
    allNotes.addAll(notes);
    return new CoverageResult(frame, seenPd, patrolled, List.of(samples), gaps, rows, suggestions, trackList, sensors,
        ctx.borderLonLat(), sectorPolys, sectorIds, terrain, o,
        new CoverageResult.PatrolStats(fixes, fixesInWindow, fixesCounted, tracks.size()), allNotes, ctx.projection(), inBand,
        availability);
  }

  private List<SectorRow> sectorRows(BorderSample[] samples, boolean[] inGap, List<Gap> gaps,
      Map<String, Integer> incidentsBySector) {
    // band cells per sector: total and not seen/not patrolled
    List<Sector> sectorList = ctx.sectors();
    int ns = sectorList.size();
    long[] bandCells = new long[ns];
    long[] bandOpen = new long[ns];
    IntStream.range(0, frame.height()).parallel().forEach(r -> {
      long[] cells = new long[ns];
      long[] open = new long[ns];
      for (int c = 0; c < frame.width(); c++) {
        int s = ctx.sectorAt(frame.centerX(c), frame.centerY(r));
        if (s < 0) {
          continue;
        }
        cells[s]++;
        int i = r * frame.width() + c;
        inBand[i] = 1;
        if (!(seenPd[i] >= o.minPd() && seenPd[i] > 0) && patrolled[i] == 0) {
          open[s]++;
        }
      }
      synchronized (bandCells) {
        for (int s = 0; s < ns; s++) {
          bandCells[s] += cells[s];
          bandOpen[s] += open[s];
        }
      }
    });
    List<SectorRow> rows = new ArrayList<>();
    for (int si = 0; si < ns; si++) {
      Sector sec = sectorList.get(si);
      double border = 0, unc = 0, sensor = 0, patrol = 0, unwatched = 0, worst = 0, noTerrain = 0;
      boolean anyOpen = false;
      long[] when = new long[0];
      for (int i = 0; i < samples.length; i++) {
        BorderSample b = samples[i];
        if (!b.sector().equals(sec.id())) {
          continue;
        }
        border += b.lengthM();
        if (inGap[i]) unc += b.lengthM();
        if (b.sensorSeen()) {
          sensor += b.lengthM();
        } else {
          anyOpen = true;
          worst = Math.max(worst, b.worstGapMillis());
          if (b.visits() > 0) patrol += b.lengthM();
        }
        if (terrain.noDataAt(frame.colOf(b.x()), frame.rowOf(b.y()))) noTerrain += b.lengthM();
        unwatched += b.lengthM() * b.unwatchedMillis();
        if (b.unwatchedMillis() > 0) when = Intervals.union(concat(when, b.unwatched()));
      }
      int gapCount = 0;
      for (Gap g : gaps) {
        if (g.sectors().contains(sec.id())) gapCount++;
      }
      rows.add(new SectorRow(sec.id(), sec.name(), border / 1000, unc / 1000, border > 0 ? Math.min(100, 100 * unc / border) : 0,
          sensor / 1000, patrol / 1000, border > 0 ? unwatched / border / 3_600_000.0 : 0,
          anyOpen ? worst / 3_600_000.0 : 0, bandCells[si] > 0 ? 100.0 * bandOpen[si] / bandCells[si] : 0, gapCount,
          incidentsBySector.getOrDefault(sec.id(), 0), unwatched / 1000 / 3_600_000.0, when,
          noTerrain / 1000));
    }
    return rows;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * When live sensors watched a sample: the times the sensors up at that moment give it a combined
   * detection probability of at least the minimum. {@code pd[k]}: sensor k's share at the sample.
   */
  private long[] sensorWatched(float[] pd, long[][] alive, long[] active) {
    List<Integer> seeing = new ArrayList<>();
    for (int k = 0; k < pd.length; k++) {
      if (pd[k] > 0) seeing.add(k);
    }
    if (seeing.isEmpty()) {
      return new long[0];
    }
    java.util.TreeSet<Long> cuts = new java.util.TreeSet<>();
    cuts.add(active[0]);
    cuts.add(active[active.length - 1]);
    for (int k : seeing) {
      for (long t : alive[k]) cuts.add(t);
    }
    long[] out = new long[2 * cuts.size()];
    int n = 0;
    Long prev = null;
    for (long t : cuts) {
      if (prev != null && t > prev) {
        float miss = 1;
        for (int k : seeing) {
          if (covers(alive[k], prev)) miss *= 1 - pd[k];
        }
        float p = 1 - miss;
        if (p > 0 && p >= o.minPd()) {
          out[n++] = prev;
          out[n++] = t;
        }
      }
      prev = t;
    }
    return Intervals.intersect(Intervals.union(Arrays.copyOf(out, n)), active);
  }

  private static boolean covers(long[] set, long t) {
    for (int i = 0; i < set.length; i += 2) {
      if (t >= set[i] && t < set[i + 1]) return true;
    }
    return false;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static long bucketKey(long i, long j) {
    return (i << 32) ^ (j & 0xffffffffL);
  }

  private static int[] append(int[] a, int v) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
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
