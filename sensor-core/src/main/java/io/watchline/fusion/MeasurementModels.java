package io.watchline.fusion;

import io.watchline.fusion.associate.Bearing;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.track.Measurement;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sensors' measurement models: how an observation becomes a position with an error covariance
 * in the border's local plane (x east, y north, metres), or a camera's line of sight.
 *
 * <ul>
 *   <li>Radar plot in polar form (range, bearing from its site): placed from the site, covariance
 *       {@code radarSigmaRangeM} along the bearing and range × {@code radarSigmaBearingDeg} across
 *       it (cross-range error grows with range).
 *   <li>Any detection given only as lat/lon: {@code positionSigmaM}, isotropic.
 *   <li>Ranged camera detection: {@code cameraSigmaBearingDeg} across, max({@code
 *       cameraMinRangeSigmaM}, {@code cameraRangeSigmaFraction} × range) along.
 *   <li>Camera bearing (no range): a {@link Bearing} in grid directions (true bearing plus the
 *       grid convergence at the site), to be matched to a track or crossed with another.
 * </ul>
 *
 * A site's own {@code range_sigma_m} / {@code bearing_sigma_deg} from sites.yaml replace these
 * fusion-wide values for its plots (a bare camera bearing still uses {@code cameraSigmaBearingDeg}).
 *
 * Not thread-safe (it caches per-site geometry); one per fusion run.
 */
public final class MeasurementModels {
  private final BorderView border;
  private final SiteRegistry sites;
  private final FusionConfig cfg;
  /** Per site {x, y, grid convergence}: the grid angle of true north there, constant over a camera's range. */
  private final Map<String, double[]> siteGrid = new HashMap<>();

  /**
   * @param border the local plane
   * @param sites the sensor sites (polar observations are placed from them)
   * @param cfg the sensor error parameters
   */
  public MeasurementModels(BorderView border, SiteRegistry sites, FusionConfig cfg) {
    this.border = border;
    this.sites = sites;
    this.cfg = cfg;
  }

  /**
   * A radar observation as a measurement: its lat/lon if it has one, else its range and bearing
   * placed from its site.
   *
   * @param tMs the observation's time, epoch ms
   * @return the measurement, or null when it cannot be placed (no position, and no range or no
   *     known site)
   */
  public Measurement radar(Observation o, long tMs) {
    Site site = o.sensor() == null ? null : sites.byId(o.sensor());
    double lat = o.lat(), lon = o.lon();
    if (!o.hasPosition() && o.hasPolar() && !Double.isNaN(o.rangeM()) && site != null) {
      Geodesy.LatLon p = site.place(o.rangeM(), o.bearingDeg());
      lat = p.lat();
      lon = p.lon();
    }
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      return null;
    }
    double[] xy = border.toXY(lat, lon);
    double rxx, rxy, ryy;
    if (o.hasPolar() && !Double.isNaN(o.rangeM())) {
      double sr = site == null ? cfg.radarSigmaRangeM() : site.rangeSigmaOr(cfg.radarSigmaRangeM());
      double sb = site == null ? cfg.radarSigmaBearingDeg() : site.bearingSigmaOr(cfg.radarSigmaBearingDeg());
      double[] r = Measurement.polarCovariance(o.rangeM(), o.bearingDeg(), sr, sb);
      rxx = r[0];
      rxy = r[1];
      ryy = r[2];
    } else {
      rxx = ryy = cfg.positionSigmaM() * cfg.positionSigmaM();
      rxy = 0;
    }
    return new Measurement(tMs, xy[0], xy[1], rxx, rxy, ryy, Kind.RADAR, o.sensor(), o.track(), o.cls(), o.conf(), sourceOf(o));
  }

  /**
   * A camera observation's line of sight from its site.
   *
   * @return the bearing, or null when the observation has no bearing or its sensor is not a known site
   */
  public Bearing bearing(Observation o, long tMs) {
    Site site = o.sensor() == null ? null : sites.byId(o.sensor());
    if (!o.hasPolar() || site == null) {
      return null;
    }
    double[] s = siteGrid.computeIfAbsent(site.id(), k -> {
      double[] xy = border.toXY(site.lat(), site.lon());
      Geodesy.LatLon north = Geodesy.direct(site.lat(), site.lon(), 0, 1000);
      double[] nxy = border.toXY(north.lat(), north.lon());
      return new double[] {xy[0], xy[1], Math.atan2(nxy[0] - xy[0], nxy[1] - xy[1])};
    });
    double grid = Math.toRadians(o.bearingDeg()) + s[2];
    return new Bearing(site.id(), s[0], s[1], Math.sin(grid), Math.cos(grid), tMs, o.rangeM(), site.rangeMaxM(), o);
  }

  /**
   * A camera observation as a measurement: its lat/lon, else its range along its bearing.
   *
   * @param bearing the observation's {@link #bearing}, or null when it has none
   * @return the measurement (polar covariance when ranged, isotropic otherwise), or null when it
   *     has neither a position nor a range (a bare bearing, to be crossed with another camera's)
   */
  public Measurement thermal(Observation o, Bearing bearing, long tMs) {
    boolean ranged = bearing != null && !Double.isNaN(o.rangeM());
    double lat = o.lat(), lon = o.lon();
    if (!o.hasPosition() && ranged) {
      Geodesy.LatLon p = sites.byId(o.sensor()).place(o.rangeM(), o.bearingDeg());
      lat = p.lat();
      lon = p.lon();
    }
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      return null;
    }
    double[] xy = border.toXY(lat, lon);
    double[] r;
    if (ranged) {
      Site site = sites.byId(o.sensor());
      double sr = site.rangeSigmaOr(Math.max(cfg.cameraMinRangeSigmaM(), cfg.cameraRangeSigmaFraction() * o.rangeM()));
      r = Measurement.polarCovariance(o.rangeM(), o.bearingDeg(), sr, site.bearingSigmaOr(cfg.cameraSigmaBearingDeg()));
    } else {
      double v = cfg.positionSigmaM() * cfg.positionSigmaM();
      r = new double[] {v, 0, v};
    }
    double rangeM = ranged ? o.rangeM() : bearing != null ? bearing.distanceTo(xy[0], xy[1]) : Double.NaN;
    return new Measurement(tMs, xy[0], xy[1], r[0], r[1], r[2], Kind.THERMAL, o.sensor(), null, o.cls(), o.conf(), sourceOf(o),
        o.track(), classReliability(o, rangeM));
  }

  /**
   * How far a camera's class at {@code rangeM} from it is a recognition rather than a guess
   * ({@link Site#classReliability}); 1 for an unknown site or range.
   */
  public double classReliability(Observation o, double rangeM) {
    Site site = o.sensor() == null ? null : sites.byId(o.sensor());
    return site == null ? 1 : site.classReliability(rangeM);
  }

  /** A patrol fix's position in the local plane {x, y}, or null when it has none. */
  public double[] patrol(Observation o) {
    return o.hasPosition() ? border.toXY(o.lat(), o.lon()) : null;
  }

  /** The observation's source as evidence (empty when it has none). */
  public static List<Source> sourceOf(Observation o) {
    return o.src() == null ? List.of() : List.of(o.src());
  }
}
