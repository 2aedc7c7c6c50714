package io.watchline.geo.coverage;

import io.watchline.geo.InvalidValueException;
import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.BorderSample;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.coverage.CoverageResult.Suggestion;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.proj.LocalProjection;
import io.watchline.geo.sector.Sector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * Coverage of a border by fixed sensors and patrols, in three steps: {@link #prepare} computes
 * what the sensors see (viewsheds in parallel over sites, {@link SensorCoverage}) and samples the
 * border ({@link BorderSamples}); {@link #addPatrolFix} takes patrol positions one at a time
 * (streaming, in any order per unit as long as each unit's fixes come in time order, {@link
 * PatrolSweep}); {@link #finish} works out when each sample was watched, then the gaps ({@link
 * GapFinder}), the sector table ({@link SectorTable}) and suggestions. See docs/coverage.md for
 * the definitions.
 */
public final class CoverageAnalysis {
  private final BorderContext ctx;
  private final Terrain terrain;
  private final List<SensorSpec> sensors;
  private final CoverageOptions o;
  private final GridFrame frame;
  private final TimeCover time;
  private final float[] seenPd;
  private final byte[] inBand;
  private final LineString borderXy;
  private final BorderSamples samples;
  private final PatrolSweep patrols;
  private final List<String> notes = new ArrayList<>();
  private SensorCoverage sensorCoverage;

  private CoverageAnalysis(BorderContext ctx, Terrain terrain, List<SensorSpec> sensors, CoverageOptions o) {
    this.ctx = ctx;
    this.terrain = terrain;
    this.sensors = List.copyOf(sensors);
    this.o = o;
    ElevationGrid g = terrain.grid();
    this.frame = new GridFrame(g.west(), g.north(), g.cellX(), g.width(), g.height());
    this.time = new TimeCover(o);
    this.seenPd = new float[g.width() * g.height()];
    this.inBand = new byte[g.width() * g.height()];
    this.borderXy = (LineString) ctx.projection().forward(ctx.borderLonLat());
    this.samples = new BorderSamples(ctx, borderXy, o.sampleM(), Math.max(100, o.sweepM()));
    this.patrols = new PatrolSweep(ctx.projection(), frame, o, time, samples);
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
    a.sensorCoverage = SensorCoverage.compute(ctx.projection(), terrain, a.frame, a.sensors, o, method, a.notes);
    return a;
  }

  /**
   * Takes one patrol fix; gaps of up to 15 min and 3 km between a unit's fixes are walked. Fixes
   * up to one revisit time before the window count too: such a visit watches the window's start.
   */
  public void addPatrolFix(PatrolFix f) {
    patrols.add(f);
  }

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
    int n = samples.size();
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
    sensorCoverage.combineInto(seenPd, alwaysUp);
    BorderSample[] sampled = new BorderSample[n];
    boolean[] uncovered = new boolean[n];
    for (int i = 0; i < n; i++) {
      double x = samples.x[i];
      double y = samples.y[i];
      float[] pd = new float[ns];
      float allUp = 0;
      float miss = 1;
      for (int k = 0; k < ns; k++) {
        pd[k] = sensorCoverage.pdAt(k, x, y);
        miss *= 1 - pd[k];
      }
      allUp = 1 - miss;
      long[] sensorWatched = sensorWatched(pd, alive, active);
      long[] v = patrols.visits(i);
      long[] watched = Intervals.union(sensorWatched, time.patrolWatched(v, patrols.visitCount(i)));
      long[] unwatched = Intervals.subtract(active, watched);
      long unwatchedMs = Intervals.length(unwatched);
      boolean seen = Intervals.length(Intervals.subtract(active, sensorWatched)) == 0 && allUp > 0;
      long worst = time.worstGapMillis(v, patrols.visitCount(i));
      uncovered[i] = unwatchedMs > 0;
      LocalProjection.LatLonPoint ll = ctx.projection().inverse(x, y);
      sampled[i] = new BorderSample(x, y, ll.lat(), ll.lon(), samples.along[i], samples.weight[i], samples.sector[i], allUp,
          seen, patrols.visitCount(i), unwatchedMs, worst, uncovered[i], unwatched);
    }

    GapFinder.Found found = GapFinder.find(ctx, borderXy, samples, sampled, uncovered, o, time, incidents);
    List<SectorRow> rows = SectorTable.rows(ctx, frame, terrain, o, seenPd, patrols.patrolled(), inBand, sampled, found);
    List<Suggestion> suggestions = o.suggest() > 0
        ? Suggestions.suggest(ctx, terrain, sensors, o, borderXy, samples.forSuggestions(), found.inGap())
        : List.of();
    List<Geometry> sectorPolys = new ArrayList<>();
    List<String> sectorIds = new ArrayList<>();
    for (Sector s : ctx.sectors()) {
      sectorPolys.add(s.polygon());
      sectorIds.add(s.id());
    }
    return new CoverageResult(frame, seenPd, patrols.patrolled(), List.of(sampled), found.gaps(), rows, suggestions,
        patrols.tracks(), sensors, ctx.borderLonLat(), sectorPolys, sectorIds, terrain, o, patrols.stats(),
        resultNotes(sampled), ctx.projection(), inBand, availability);
  }

  /** The terrain line first (the map's subtitle shows it), then what the steps noted. */
  private List<String> resultNotes(BorderSample[] sampled) {
    List<String> allNotes = new ArrayList<>();
    allNotes.add(terrain.flat()
        ? "FLAT EARTH: no DEM given, terrain masking ignored (earth curvature and refraction only)"
        : String.format(Locale.ROOT, "terrain: %s; %.1f %% of cells are DEM voids filled from the nearest cell", terrain.source(),
            100 * terrain.filledFraction()));
    if (terrain.outsideFraction() > 0) {
      double km = 0;
      for (BorderSample b : sampled) {
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
    return allNotes;
  }

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
    TreeSet<Long> cuts = new TreeSet<>();
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
          if (Intervals.contains(alive[k], prev)) miss *= 1 - pd[k];
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
}
