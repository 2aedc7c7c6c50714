package io.watchline.geo.coverage;

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
  private final byte[] patrolled;
  private final byte[] inBand;
  private final LineString borderXy;
  private final double[] sx;
  private final double[] sy;
  private final double[] along;
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
    double len = borderXy.getLength();
    int n = Math.max(1, (int) Math.ceil(len / o.sampleM()));
    sx = new double[n];
    sy = new double[n];
    along = new double[n];
    weight = new double[n];
    sampleSector = new String[n];
    visits = new long[n][];
    visitCount = new int[n];
    LengthIndexedLine li = new LengthIndexedLine(borderXy);
    List<Sector> sectorList = ctx.sectors();
    for (int i = 0; i < n; i++) {
      double a = Math.min(len, (i + 0.5) * o.sampleM());
      Coordinate c = li.extractPoint(a);
      sx[i] = c.x;
      sy[i] = c.y;
      along[i] = a;
      weight[i] = Math.min(len, (i + 1) * o.sampleM()) - i * o.sampleM();
      int si = ctx.sectorIndex().sectorOf(c.x, c.y);
      sampleSector[i] = si >= 0 ? sectorList.get(si).id() : "-";
    }
    this.bucketM = Math.max(100, o.sweepM());
    for (int i = 0; i < n; i++) {
      long key = bucketKey(Math.floorDiv((long) sx[i], (long) bucketM), Math.floorDiv((long) sy[i], (long) bucketM));
      int[] arr = sampleBuckets.get(key);
      arr = arr == null ? new int[] {i} : append(arr, i);
      sampleBuckets.put(key, arr);
    }
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
      throw new IllegalArgumentException("coverage raster of " + width + "x" + height + " cells is too large; use a larger --cell");
    }
    return new GridFrame(west, north, cellM, width, height);
  }

  /** How one sensor's line of sight is computed over the terrain grid. */
  @FunctionalInterface
  public interface ViewshedMethod {
    Visibility compute(ElevationGrid terrain, int col, int row, ViewshedParams p);
  }

  /** Prepares with the fast sweep viewshed. */
  public static CoverageAnalysis prepare(BorderContext ctx, Terrain terrain, List<SensorSpec> sensors, CoverageOptions o) {
    return prepare(ctx, terrain, sensors, o, Viewshed::sweep);
  }

  public static CoverageAnalysis prepare(
      BorderContext ctx, Terrain terrain, List<SensorSpec> sensors, CoverageOptions o, ViewshedMethod method) {
    CoverageAnalysis a = new CoverageAnalysis(ctx, terrain, sensors, o);
    a.computeSensorCoverage(method);
    return a;
  }

  // ---------------------------------------------------------------- sensors

  /** Detection probability contributions of one sensor over its viewshed window. */
  private record Contribution(Visibility vis, float[] pd) {}

  private void computeSensorCoverage(ViewshedMethod method) {
    float[] miss = new float[seenPd.length];
    Arrays.fill(miss, 1f);
    List<Contribution> parts = sensors.parallelStream().map(s -> contribution(s, method)).toList();
    for (int k = 0; k < parts.size(); k++) {
      Contribution part = parts.get(k);
      if (part == null) {
        notes.add("sensor " + sensors.get(k).id() + " lies outside the analysis area and was skipped");
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
        if (!v.visible(gc, gr)) {
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

  /** Takes one patrol fix; gaps of up to 15 min and 3 km between a unit's fixes are walked. */
  public void addPatrolFix(PatrolFix f) {
    fixes++;
    if (!time.inWindow(f.epochMillis()) || Double.isNaN(f.lat()) || Double.isNaN(f.lon())) {
      return;
    }
    fixesInWindow++;
    String unit = f.unit() == null ? "?" : f.unit();
    LocalProjection.Xy xy = ctx.projection().forward(f.lat(), f.lon());
    tracks.computeIfAbsent(unit, TrackBuilder::new).add(f.lon(), f.lat(), xy.x(), xy.y());
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
    if (!time.counted(t)) {
      return;
    }
    fixesCounted++;
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

  public CoverageResult finish(List<IncidentPoint> incidents) {
    int n = sx.length;
    BorderSample[] samples = new BorderSample[n];
    boolean[] uncovered = new boolean[n];
    long counted = time.countedMillis();
    for (int i = 0; i < n; i++) {
      int c = frame.colOf(sx[i]);
      int r = frame.rowOf(sy[i]);
      float pd = frame.contains(c, r) ? seenPd[r * frame.width() + c] : 0f;
      boolean seen = pd >= o.minPd() && pd > 0;
      long[] v = visits[i] == null ? new long[0] : visits[i];
      long unwatched = seen ? 0 : time.unwatchedMillis(v, visitCount[i]);
      long worst = time.worstGapMillis(v, visitCount[i]);
      uncovered[i] = !seen && unwatched > 0;
      LocalProjection.LatLonPoint ll = ctx.projection().inverse(sx[i], sy[i]);
      samples[i] = new BorderSample(sx[i], sy[i], ll.lat(), ll.lon(), along[i], weight[i], sampleSector[i], pd, seen,
          visitCount[i], unwatched, worst, uncovered[i]);
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
      double from = run[0] * o.sampleM();
      double to = Math.min(borderXy.getLength(), run[1] * o.sampleM());
      LineString xyPart = (LineString) li.extractLine(from, to);
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
      for (int i = run[0]; i < run[1]; i++) {
        secs.add(sampleSector[i]);
        len += weight[i];
        unwatchedSum += weight[i] * samples[i].unwatchedMillis();
      }
      double from = run[0] * o.sampleM();
      double to = Math.min(borderXy.getLength(), run[1] * o.sampleM());
      LineString xyPart = (LineString) li.extractLine(from, to);
      gaps.add(new Gap(String.format(Locale.ROOT, "GAP-%03d", k + 1), List.copyOf(secs), from, to, len,
          unwatchedSum / len / 3_600_000.0, (LineString) ctx.projection().inverse(xyPart),
          ctx.projection().inverse(gapPolysXy.get(k)), gapIncidents[k]));
    }

    List<SectorRow> rows = sectorRows(samples, inGap, gaps, incidentsBySector, counted);
    List<Suggestion> suggestions = o.suggest() > 0 ? suggest(samples, inGap) : List.of();

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
        : String.format(Locale.ROOT, "terrain: %s; %.1f %% of cells filled from the nearest DEM cell (voids or off the DEM)",
            terrain.source(), 100 * terrain.filledFraction()));
    allNotes.addAll(notes);
    return new CoverageResult(frame, seenPd, patrolled, List.of(samples), gaps, rows, suggestions, trackList, sensors,
        ctx.borderLonLat(), sectorPolys, sectorIds, terrain, o,
        new CoverageResult.PatrolStats(fixes, fixesInWindow, fixesCounted, tracks.size()), allNotes, ctx.projection(), inBand);
  }

  private List<SectorRow> sectorRows(BorderSample[] samples, boolean[] inGap, List<Gap> gaps,
      Map<String, Integer> incidentsBySector, long counted) {
    // band cells per sector: total and not seen/not patrolled
    List<Sector> sectorList = ctx.sectors();
    int ns = sectorList.size();
    long[] bandCells = new long[ns];
    long[] bandOpen = new long[ns];
    IntStream.range(0, frame.height()).parallel().forEach(r -> {
      long[] cells = new long[ns];
      long[] open = new long[ns];
      for (int c = 0; c < frame.width(); c++) {
        int s = ctx.sectorIndex().sectorOf(frame.centerX(c), frame.centerY(r));
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
      double border = 0, unc = 0, sensor = 0, patrol = 0, unwatched = 0, worst = 0;
      boolean anyOpen = false;
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
          if (b.unwatchedMillis() == 0) patrol += b.lengthM();
        }
        unwatched += b.lengthM() * b.unwatchedMillis();
      }
      int gapCount = 0;
      for (Gap g : gaps) {
        if (g.sectors().contains(sec.id())) gapCount++;
      }
      rows.add(new SectorRow(sec.id(), sec.name(), border / 1000, unc / 1000, border > 0 ? 100 * unc / border : 0,
          sensor / 1000, patrol / 1000, border > 0 ? unwatched / border / 3_600_000.0 : 0,
          anyOpen ? worst / 3_600_000.0 : 0, bandCells[si] > 0 ? 100.0 * bandOpen[si] / bandCells[si] : 0, gapCount,
          incidentsBySector.getOrDefault(sec.id(), 0)));
    }
    return rows;
  }

  // ---------------------------------------------------------------- suggestions

  private List<Suggestion> suggest(BorderSample[] samples, boolean[] inGap) {
    int n = samples.length;
    BitSet covered = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (!inGap[i]) covered.set(i);
    }
    List<Suggestion> out = new ArrayList<>();
    // sensor sites: candidates every candidateSpacing along the border, set back on the side most sensors are on
    double side = 0;
    for (SensorSpec s : sensors) {
      LocalProjection.Xy xy = ctx.projection().forward(s.lat(), s.lon());
      side += Math.signum(ctx.borderIndex().signedDistance(xy.x(), xy.y()));
    }
    double setback = side >= 0 ? 300 : -300;
    int stride = Math.max(1, (int) Math.round(o.candidateSpacingM() / o.sampleM()));
    List<double[]> cands = new ArrayList<>();
    for (int i = 0; i < n; i += stride) {
      int a = Math.max(0, i - 1);
      int b = Math.min(n - 1, i + 1);
      double dx = sx[b] - sx[a];
      double dy = sy[b] - sy[a];
      double len = Math.hypot(dx, dy);
      if (len == 0) continue;
      // left normal of the border direction
      cands.add(new double[] {sx[i] - dy / len * setback, sy[i] + dx / len * setback, i});
    }
    ElevationGrid g = terrain.grid();
    ViewshedParams p = new ViewshedParams(o.candidateHeightM(), o.targetHeightM(), ViewshedParams.OPTICAL_CURVATURE,
        o.candidateRangeM(), ViewshedParams.WGS84_DIAMETER_M);
    List<BitSet> sensorCovers = cands.parallelStream().map(cnd -> {
      BitSet bs = new BitSet(n);
      int col = g.colOf(cnd[0]);
      int row = g.rowOf(cnd[1]);
      if (!g.contains(col, row)) return bs;
      Visibility v = Viewshed.sweep(g, col, row, p);
      for (int i = 0; i < n; i++) {
        if (inGap[i] && Math.hypot(sx[i] - cnd[0], sy[i] - cnd[1]) <= o.candidateRangeM()
            && v.visible(g.colOf(sx[i]), g.rowOf(sy[i]))) {
          bs.set(i);
        }
      }
      return bs;
    }).toList();
    double cumulative = 0;
    int rank = 1;
    for (GreedyCover.Pick pick : GreedyCover.choose(sensorCovers, weight, covered, o.suggest())) {
      double[] c = cands.get(pick.candidate());
      LocalProjection.LatLonPoint ll = ctx.projection().inverse(c[0], c[1]);
      cumulative += pick.added();
      out.add(new Suggestion(rank++, "sensor", ll.lat(), ll.lon(), null, pick.added() / 1000, cumulative / 1000,
          sampleSector[(int) c[2]]));
    }
    // patrol routes: stretches of routeLength along the border
    int routeSamples = Math.max(1, (int) Math.round(o.routeLengthM() / o.sampleM()));
    List<BitSet> routeCovers = new ArrayList<>();
    List<int[]> routes = new ArrayList<>();
    int routeStride = Math.max(1, routeSamples / 8);
    for (int i = 0; i < n; i += routeStride) {
      BitSet bs = new BitSet(n);
      int end = Math.min(n, i + routeSamples);
      bs.set(i, end);
      routeCovers.add(bs);
      routes.add(new int[] {i, end});
    }
    cumulative = 0;
    LengthIndexedLine li = new LengthIndexedLine(borderXy);
    for (GreedyCover.Pick pick : GreedyCover.choose(routeCovers, weight, covered, o.suggest())) {
      int[] r = routes.get(pick.candidate());
      LineString xy = (LineString) li.extractLine(r[0] * o.sampleM(), Math.min(borderXy.getLength(), r[1] * o.sampleM()));
      LineString ll = (LineString) ctx.projection().inverse(xy);
      Coordinate mid = ll.getCoordinateN(ll.getNumPoints() / 2);
      cumulative += pick.added();
      out.add(new Suggestion(rank++, "patrol", mid.y, mid.x, ll, pick.added() / 1000, cumulative / 1000,
          sampleSector[(r[0] + r[1]) / 2]));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

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
