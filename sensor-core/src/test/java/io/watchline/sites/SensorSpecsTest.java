package io.watchline.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.coverage.ViewshedParams;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorSpecsTest {
  static SiteRegistry load(String yaml) throws Exception {
    return SiteRegistry.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "sites.yaml");
  }

  @Test
  void fieldsASiteLeavesOutGetTheCoverageDefaults() throws Exception {
    List<SensorSpec> specs = SensorSpecs.of(load("""
        sites:
          - {id: RDR-01, kind: radar, lat: 42.56, lon: 19.80, height_m: 12, azimuth_deg: 180, fov_deg: 90, range_min_m: 100, range_max_m: 12000}
          - {id: CAM-01, kind: thermal, lat: 42.47, lon: 19.56, range_max_m: 6000}
        """));
    assertThat(specs).extracting(SensorSpec::id).containsExactly("RDR-01", "CAM-01");
    assertThat(specs.get(0)).isEqualTo(new SensorSpec("RDR-01", 42.56, 19.80, 12, 180, 90, 100, 12000,
        ViewshedParams.RADAR_CURVATURE));
    // a camera with only position and range: ground level, north, all round, no blind zone, optical refraction
    assertThat(specs.get(1)).isEqualTo(new SensorSpec("CAM-01", 42.47, 19.56, 0, 0, 360, 0, 6000,
        ViewshedParams.OPTICAL_CURVATURE));
    assertThat(specs.get(1).allRound()).isTrue();
  }

  @Test
  void aSiteWithoutMaximumRangeIsAConfigurationErrorNamingIt() throws Exception {
    SiteRegistry sites = load("""
        sites:
          - {id: CAM-09, kind: thermal, lat: 42.47, lon: 19.56}
        """);
    assertThatThrownBy(() -> SensorSpecs.of(sites))
        .isInstanceOf(SiteConfigException.class)
        .hasMessage("site CAM-09 has no range_max_m; coverage needs it");
  }
}
