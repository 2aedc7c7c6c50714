package io.watchline.fusion;

import io.watchline.fusion.border.BorderView;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small synthetic world for fusion tests: an east-west border at 42.0 N, one radar, two cameras. */
public final class Synth {
  public static final long T0 = Instant.parse("2026-11-27T23:00:00Z").toEpochMilli();
  public static final BorderView BORDER =
      BorderView.of(List.of(new double[] {19.0, 42.0}, new double[] {19.1, 42.0}, new double[] {19.2, 42.0}), "N", "S", 5000, 3000);
  public static final Site RADAR = new Site("RDR-1", SiteKind.RADAR, 42.03, 19.1, 8, 180, 360, 50, 12000, -1, -1, 0);
  public static final Site CAM_W = new Site("CAM-W", SiteKind.THERMAL, 42.02, 19.05, 6, 150, 90, 10, 6000, -1, -1, 0);
  public static final Site CAM_E = new Site("CAM-E", SiteKind.THERMAL, 42.02, 19.15, 6, 210, 90, 10, 6000, -1, -1, 0);
  public static final SiteRegistry SITES = new SiteRegistry(List.of(RADAR, CAM_W, CAM_E));

  private final Random rnd;
  private final List<Observation> out = new ArrayList<>();
  private long seq;

  public Synth(long seed) {
    this.rnd = new Random(seed);
  }

  /** A point {@code east} m east and {@code north} m north of (42.0, 19.1). */
  public static double[] at(double east, double north) {
    return BORDER.toLatLon(BORDER.toXY(42.0, 19.1)[0] + east, BORDER.toXY(42.0, 19.1)[1] + north);
  }

  /** Radar plots of a target moving from (e0, n0) at (ve, vn) m/s for {@code seconds}, every {@code scanS}. */
  public Synth radarTarget(long startMs, double e0, double n0, double ve, double vn, int seconds, double scanS, double pd) {
    return radarTarget(RADAR, startMs, e0, n0, ve, vn, seconds, scanS, pd);
  }

  /** As above, seen by {@code radar}. */
  public Synth radarTarget(Site radar, long startMs, double e0, double n0, double ve, double vn, int seconds, double scanS,
      double pd) {
    for (double s = 0; s <= seconds; s += scanS) {
      if (rnd.nextDouble() > pd) continue;
      double[] ll = at(e0 + ve * s, n0 + vn * s);
      radarPlot(radar, startMs + (long) (s * 1000), ll[0], ll[1]);
    }
    return this;
  }

  public void radarPlot(long tMs, double lat, double lon) {
    radarPlot(RADAR, tMs, lat, lon);
  }

  private void radarPlot(Site radar, long tMs, double lat, double lon) {
    double r = Geodesy.distance(radar.lat(), radar.lon(), lat, lon) + rnd.nextGaussian() * 15;
    double b = Geodesy.bearing(radar.lat(), radar.lon(), lat, lon) + rnd.nextGaussian() * 0.3;
    Geodesy.LatLon p = radar.place(r, b);
    add(Observation.builder(Instant.ofEpochMilli(tMs), Kind.RADAR).sensor(radar.id()).polar(r, b).position(p.lat(), p.lon()));
  }

  /** Random false plots in a box around the border, {@code perScan} per 2 s scan on average. */
  public Synth clutter(long startMs, int seconds, double perScan) {
    for (int s = 0; s < seconds; s += 2) {
      int n = (int) Math.round(perScan * 2 * rnd.nextDouble());
      for (int i = 0; i < n; i++) {
        double[] ll = at(rnd.nextDouble() * 8000 - 4000, rnd.nextDouble() * 4000 - 2000);
        radarPlot(startMs + s * 1000L, ll[0], ll[1]);
      }
    }
    return this;
  }

  /** Camera bearings (no range) of a target from a site, once a second. */
  public Synth cameraTarget(Site cam, long startMs, double e0, double n0, double ve, double vn, int seconds, String cls) {
    return cameraTarget(cam, startMs, e0, n0, ve, vn, seconds, cls, Integer.MAX_VALUE, cls);
  }

  /** As above, the analytics calling it {@code wrongCls} from second {@code wrongFromS} on (a wrong class that lasts). */
  public Synth cameraTarget(Site cam, long startMs, double e0, double n0, double ve, double vn, int seconds, String cls,
      int wrongFromS, String wrongCls) {
    for (int s = 0; s <= seconds; s++) {
      double[] ll = at(e0 + ve * s, n0 + vn * s);
      double b = Geodesy.bearing(cam.lat(), cam.lon(), ll[0], ll[1]) + rnd.nextGaussian() * 0.3;
      add(Observation.builder(Instant.ofEpochMilli(startMs + s * 1000L + 100), Kind.THERMAL).sensor(cam.id()).polar(Double.NaN, b).cls(s >= wrongFromS ? wrongCls : cls).conf(0.8));
    }
    return this;
  }

  /** Patrol GPS fixes every {@code everyS} seconds along a straight walk. */
  public Synth patrol(String unit, long startMs, double e0, double n0, double ve, double vn, int seconds, int everyS) {
    for (int s = 0; s <= seconds; s += everyS) {
      double[] ll = at(e0 + ve * s + rnd.nextGaussian() * 3, n0 + vn * s + rnd.nextGaussian() * 3);
      add(Observation.builder(Instant.ofEpochMilli(startMs + s * 1000L + 300), Kind.PATROL).sensor(unit).unit(unit).position(ll[0], ll[1]));
    }
    return this;
  }

  private void add(Observation.Builder b) {
    long n = seq++;
    out.add(b.seq(n).src(Source.atLine("synth.ndjson", n * 100, n + 1)).build());
  }

  /** Everything generated, in time order. */
  public List<Observation> observations() {
    List<Observation> l = new ArrayList<>(out);
    l.sort((a, b) -> a.t().compareTo(b.t()));
    return l;
  }
}
