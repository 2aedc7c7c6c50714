package io.watchline.sites;

import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.coverage.ViewshedParams;
import java.util.ArrayList;
import java.util.List;

/**
 * Sites as the coverage maths sees them: one place for the defaults of fields a site may leave
 * out (height 0 m, boresight north, all round, no minimum range) and for the refraction
 * coefficient of its kind. Used by {@code watchline coverage} and the nightly coverage step alike.
 */
public final class SensorSpecs {
  private SensorSpecs() {}

  /**
   * The coverage view of one site.
   *
   * @throws SiteConfigException when the site has no {@code range_max_m}, which coverage needs
   */
  public static SensorSpec of(Site s) {
    double cc = s.kind() == SiteKind.RADAR ? ViewshedParams.RADAR_CURVATURE : ViewshedParams.OPTICAL_CURVATURE;
    if (Double.isNaN(s.rangeMaxM())) {
      throw new SiteConfigException("site " + s.id() + " has no range_max_m; coverage needs it");
    }
    return new SensorSpec(s.id(), s.lat(), s.lon(), Double.isNaN(s.heightM()) ? 0 : s.heightM(),
        Double.isNaN(s.azimuthDeg()) ? 0 : s.azimuthDeg(), Double.isNaN(s.fovDeg()) ? 360 : s.fovDeg(),
        Double.isNaN(s.rangeMinM()) ? 0 : s.rangeMinM(), s.rangeMaxM(), cc);
  }

  /**
   * Every site of the registry, in its order.
   *
   * @throws SiteConfigException as {@link #of(Site)}
   */
  public static List<SensorSpec> of(SiteRegistry sites) {
    List<SensorSpec> specs = new ArrayList<>();
    for (Site s : sites.all()) {
      specs.add(of(s));
    }
    return specs;
  }
}
