package io.watchline.fusion.welfare;

import io.watchline.fusion.bluforce.BlueForceTally;
import io.watchline.fusion.border.BorderTrace;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.border.CrossingEvent;
import io.watchline.fusion.track.PathShape;
import io.watchline.fusion.track.Track;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.IsoTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds people who may be in danger on a closed track: a long stay away from roads, a stay in
 * freezing wind, a track that ends slowly at water, a child who stopped. It looks at every
 * confirmed track, also those the blue-force check labelled "patrol": only a track that lies on
 * the patrol itself ({@link WelfareConfig#selfM}) is left out, so a patrol standing near people
 * never hides them; and its incidents bypass the minimum score meant for crossings.
 *
 * <p>A stay or an ending counts only with a sign that these are people: they crossed the border,
 * a camera called them human or child, or they walked straight to where they stopped (animals
 * wander). The incident names the nearest patrol unit by its last fix and the nearest road point.
 * Memory: the last fix of each patrol unit. Not thread-safe.
 */
public final class WelfareDetector {
  private static final long STEP_MS = 10_000;
  private static final long WALK_BEFORE_MS = 10 * 60_000L;
  private static final double ANIMAL_SHARE = 0.3;
  private static final double CLASS_SHARE = 0.3;
  /** A case this close to an earlier one ... */
  private static final double SAME_PLACE_M = 200;
  /** ... on a track that began this soon after the earlier track ended is the same people. */
  private static final long SAME_PEOPLE_MS = 30 * 60_000L;
  /** A track shorter than the slow window is judged over its whole length, if at least this long (tracks break). */
  private static final long MIN_SLOW_MS = 2 * 60_000L;

  private final BorderView border;
  private final WelfareConfig cfg;
  private final Weather weather;
  private final MapLayer roads;
  private final MapLayer water;
  private final Map<String, double[]> lastFix = new TreeMap<>();
  /** Recent cases as {x, y, end ms}: a radar track that breaks during a long stay must not raise the same people twice. */
  private final java.util.ArrayDeque<double[]> recent = new java.util.ArrayDeque<>();
  private int repeats;

  /**
   * @param weather hourly weather, or null
   * @param roads road layer, or null
   * @param water water layer, or null
   */
  public WelfareDetector(BorderView border, WelfareConfig cfg, Weather weather, MapLayer roads, MapLayer water) {
    this.border = border;
    this.cfg = cfg;
    this.weather = weather;
    this.roads = roads;
    this.water = water;
  }

  /** A patrol unit's fix (local plane); only the last one of each unit is kept. */
  public void patrolFix(String unit, long tMs, double x, double y) {
    lastFix.put(unit, new double[] {tMs, x, y});
  }

  /**
   * The welfare incident of a closed confirmed track (without id), or null when it shows none.
   *
   * @param tally the track's blue-force tally (to recognise the patrol itself)
   * @param patrol whether the blue-force check labelled it a patrol
   * @param clutterField the persistent clutter field the track began in (a wind farm; the engine's
   *     clutter map), or null when it began outside one
   */
  public Incident closed(Track track, BorderTrace trace, List<TrackPoint> points, BlueForceTally tally, boolean patrol,
      Field clutterField) {
    if (patrol && tally.meanDistanceM() <= cfg.selfM()) {
      return null; // the patrol's own echo
    }
    String cls = track.classes().best();
    double share = track.classes().share();
    if ("animal".equals(cls) && share >= ANIMAL_SHARE) {
      return null;
    }
    PathShape.Dwell stay = PathShape.longestDwell(track, cfg.stayRadiusM(), STEP_MS);
    long stayMs = stay == null ? 0 : stay.durationMs();
    if (clutterField != null && stay != null && neverLeft(track, stay.startMs(), clutterField)) {
      // a clutter field's echo that never came from outside the field to where it "stays" (it hops
      // between a wind farm's turbines): a bearing-only camera looking past it lends it "human" (up to
      // 12 such cases a night on realistic nights); people who walked there from outside and sat are
      // still a case, even once the map has learned their place
      return null;
    }
    long tEnd = track.pointT(track.points() - 1);
    long slowFrom = slowEnd(track);
    boolean endsSlow = slowFrom >= 0;

    double sx = stay == null ? track.pointX(track.points() - 1) : stay.x();
    double sy = stay == null ? track.pointY(track.points() - 1) : stay.y();
    MapLayer.Nearest road = roads == null ? null : roads.nearest(sx, sy);
    double roadM = roads == null ? Double.NaN : road == null ? MapLayer.SEARCH_M : road.distanceM();
    MapLayer.Nearest wet = water == null ? null : water.nearest(track.pointX(track.points() - 1), track.pointY(track.points() - 1));
    boolean atWater = wet != null && wet.distanceM() <= cfg.waterNearM() && endsSlow;

    long tStop = stay != null && stayMs >= cfg.exposedMinMs() ? stay.startMs() : atWater ? slowFrom : tEnd;
    long crossedAt = Long.MIN_VALUE;
    for (CrossingEvent c : trace.crossings()) {
      if (c.tMs() <= tStop) crossedAt = c.tMs();
    }
    boolean crossed = crossedAt != Long.MIN_VALUE;
    double straight = PathShape.straightness(track, tStop - WALK_BEFORE_MS, tStop, 60_000);
    boolean humanClass = ("human".equals(cls) || "child".equals(cls)) && share >= CLASS_SHARE;
    boolean walkedStraight = straight >= cfg.straightMin();
    if (!crossed && !humanClass && !walkedStraight) {
      return null; // nothing says these are people
    }
    double[] at = atWater && !(stayMs >= cfg.exposedMinMs()) ? new double[] {track.pointX(track.points() - 1),
        track.pointY(track.points() - 1)} : new double[] {sx, sy};
    double[] ll = border.toLatLon(at[0], at[1]);
    Weather.Hour w = weather == null ? null : weather.at(tStop, ll[0], ll[1]);
    double chill = w == null ? Double.NaN : w.windChillC();

    List<String> reasons = new ArrayList<>();
    boolean awayFromRoads = !(roadM <= cfg.roadClearM());
    if (stayMs >= cfg.stationaryMinMs() && awayFromRoads) {
      reasons.add(String.format(Locale.ROOT, "stationary %d min%s", stayMs / 60_000,
          roads == null ? "" : roadM >= MapLayer.SEARCH_M ? ", no road within 5 km" : String.format(Locale.ROOT, ", %.0f m from the nearest road", roadM)));
    }
    if (stayMs >= cfg.exposedMinMs() && chill <= cfg.exposureWindChillC()) {
      reasons.add(String.format(Locale.ROOT, "exposed %d min at wind chill %.0f °C (%.0f °C, wind %.0f km/h)",
          stayMs / 60_000, chill, w.temperatureC(), w.windKmh()));
    }
    if (atWater) {
      reasons.add(String.format(Locale.ROOT, "track ends %.0f m from water after %d min below %.1f m/s", wet.distanceM(),
          (tEnd - slowFrom) / 60_000, cfg.slowMps()));
    }
    if ("child".equals(cls) && share >= CLASS_SHARE && stayMs >= cfg.exposedMinMs()) {
      reasons.add(String.format(Locale.ROOT, "a camera sees a child (share %.2f), stopped %d min", share, stayMs / 60_000));
    }
    if (reasons.isEmpty()) {
      return null;
    }
    if (repeat(at[0], at[1], track.pointT(0), tEnd)) {
      repeats++;
      return null;
    }
    if (crossed) {
      reasons.add(String.format(Locale.ROOT, "crossed the border %d min before stopping", (tStop - crossedAt) / 60_000));
    }
    io.watchline.fusion.incident.Scorer.Score s = WelfareScore.score(new WelfareScore.Factors(stayMs >= cfg.exposedMinMs() ? stayMs : 0, crossed,
        roadM, cfg.roadClearM(), atWater, chill, w == null ? Double.NaN : w.precipitationMm(), cls, share));

    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event_t", IsoTime.format(tStop));
    f.put("priority", WelfareScore.priority(s.value()));
    f.put("reasons", String.join("; ", reasons));
    if (stayMs >= cfg.exposedMinMs()) f.put("stay_min", stayMs / 60_000);
    f.put("after_crossing", crossed);
    if (road != null) {
      f.put("road_m", Math.round(road.distanceM()));
      f.put("road_lat", round6(road.lat()));
      f.put("road_lon", round6(road.lon()));
    }
    if (wet != null) f.put("water_m", Math.round(wet.distanceM()));
    if (w != null) {
      f.put("temperature_c", round1(w.temperatureC()));
      f.put("wind_kmh", round1(w.windKmh()));
      f.put("wind_chill_c", round1(chill));
      if (!Double.isNaN(w.precipitationMm())) f.put("precipitation_mm", round1(w.precipitationMm()));
    }
    f.put("cls", cls);
    f.put("cls_share", Math.round(share * 100) / 100.0);
    f.put("corroborated", track.sensorKinds());
    f.put("hits", track.hits());
    nearestPatrol(at[0], at[1], f);
    f.put("tracks", String.valueOf(track.id()));
    f.put("explain", s.explain());
    String side = border.sideOf(ll[0], ll[1]);
    return new Incident(null, points.get(0).t(), points.get(points.size() - 1).t(), ll[0], ll[1],
        border.sectorOf(ll[0], ll[1]), side, IncidentKind.WELFARE, Math.round(s.value() * 1000) / 1000.0, f, points,
        track.evidence());
  }

  /** Where a persistent clutter field echoes (local plane). */
  @FunctionalInterface
  public interface Field {
    boolean contains(double x, double y);
  }

  /** Whether every point of the track up to {@code untilMs} lies in the field. */
  private static boolean neverLeft(Track t, long untilMs, Field field) {
    for (int i = 0; i < t.points() && t.pointT(i) <= untilMs; i++) {
      if (!field.contains(t.pointX(i), t.pointY(i))) return false;
    }
    return true;
  }

  /** Cases not raised again because an earlier case was the same people (a broken track). */
  public int repeats() {
    return repeats;
  }

  /**
   * Whether a case at (x, y) on a track starting at {@code startMs} continues an earlier one: within
   * {@link #SAME_PLACE_M} of it and beginning at most {@link #SAME_PEOPLE_MS} after it ended.
   */
  private boolean repeat(double x, double y, long startMs, long endMs) {
    while (!recent.isEmpty() && recent.peekFirst()[2] < startMs - SAME_PEOPLE_MS) {
      recent.removeFirst();
    }
    boolean same = false;
    for (double[] r : recent) {
      same |= Math.hypot(r[0] - x, r[1] - y) <= SAME_PLACE_M && startMs <= r[2] + SAME_PEOPLE_MS;
    }
    recent.addLast(new double[] {x, y, endMs});
    return same;
  }

  /** Start of the slow last minutes (net speed below {@code slowMps} over {@code waterSlowMs}), or -1. */
  private long slowEnd(Track t) {
    int last = t.points() - 1;
    long tEnd = t.pointT(last);
    if (tEnd - t.pointT(0) < MIN_SLOW_MS) return -1;
    int i = last;
    while (i > 0 && t.pointT(i) > tEnd - cfg.waterSlowMs()) i--;
    double d = Math.hypot(t.pointX(last) - t.pointX(i), t.pointY(last) - t.pointY(i));
    double secs = (tEnd - t.pointT(i)) / 1000.0;
    return secs > 0 && d / secs < cfg.slowMps() ? t.pointT(i) : -1;
  }

  private void nearestPatrol(double x, double y, Map<String, Object> f) {
    String unit = null;
    double best = Double.POSITIVE_INFINITY;
    long tFix = 0;
    for (Map.Entry<String, double[]> e : lastFix.entrySet()) {
      double d = Math.hypot(e.getValue()[1] - x, e.getValue()[2] - y);
      if (d < best) {
        best = d;
        unit = e.getKey();
        tFix = (long) e.getValue()[0];
      }
    }
    if (unit != null) {
      f.put("patrol_unit", unit);
      f.put("patrol_m", Math.round(best));
      f.put("patrol_fix_t", IsoTime.format(tFix));
    }
  }

  private static double round1(double v) { return Math.round(v * 10) / 10.0; }
  private static double round6(double v) { return Math.round(v * 1e6) / 1e6; }
}
