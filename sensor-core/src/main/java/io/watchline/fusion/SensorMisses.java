package io.watchline.fusion;

import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.track.MissModel;
import io.watchline.sites.Detection;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The sites' own detection figures ({@link Detection}, from {@code sites.yaml}) as the tracker's
 * {@link MissModel}: which sensors cover a point (range and field of view; terrain is not looked
 * at) and how likely each is to miss a target moving there on one look. A site that gives no
 * figures is taken to see whatever it covers, as fusion always assumed.
 */
final class SensorMisses implements MissModel {
  /** A camera's analytics report every frame; ONVIF recorders write about one frame a second. */
  private static final double CAMERA_FRAME_MS = 1_000;

  /** A site in the local plane; {@code logMiss} = ln(1 - Pd) of one look at a target its Doppler filter lets through. */
  private record Sensor(double x, double y, double rangeMinM, double rangeMaxM, Site site, double logMiss, double scanMs) {}

  private final List<Sensor> sensors = new ArrayList<>();

  private SensorMisses(BorderView border, SiteRegistry sites, long radarScanMs) {
    for (Site s : sites.all()) {
      double[] xy = border.toXY(s.lat(), s.lon());
      Detection d = s.detection();
      double scan = !Double.isNaN(d.scanPeriodS()) ? d.scanPeriodS() * 1000
          : s.kind() == SiteKind.RADAR ? radarScanMs : CAMERA_FRAME_MS;
      double moving = d.known() ? Math.log1p(-Math.min(d.probability(), 1 - 1e-9)) : Double.NEGATIVE_INFINITY;
      sensors.add(new Sensor(xy[0], xy[1], s.rangeMinM(), Double.isNaN(s.rangeMaxM()) ? Double.POSITIVE_INFINITY : s.rangeMaxM(),
          s, moving, scan));
    }
  }

  /** The miss model of the sites, or null when none gives a detection probability (the standard rule applies). */
  static SensorMisses of(BorderView border, SiteRegistry sites, long radarScanMs) {
    for (Site s : sites.all()) {
      if (s.detection().known()) {
        return new SensorMisses(border, sites, radarScanMs);
      }
    }
    return null;
  }

  @Override
  public double logMissPerMs(double x, double y, double vx, double vy) {
    double sum = 0;
    for (Sensor s : sensors) {
      double dx = x - s.x, dy = y - s.y;
      double r = Math.hypot(dx, dy);
      if (r < s.rangeMinM || r > s.rangeMaxM || !s.site.inFieldOfView(Math.toDegrees(Math.atan2(dx, dy)))) {
        continue;
      }
      Detection d = s.site.detection();
      if (!d.known()) {
        return Double.NEGATIVE_INFINITY;
      }
      double logMiss = s.logMiss;
      if (d.doppler()) {
        double radial = r > 0 ? (vx * dx + vy * dy) / r : 0;
        logMiss = Math.log1p(-Math.min(d.probabilityAt(radial), 1 - 1e-9));
      }
      sum += logMiss / s.scanMs;
    }
    return sum;
  }
}
