package io.watchline.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SiteRegistryTest {
  static SiteRegistry load(String yaml) throws Exception {
    return SiteRegistry.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "sites.yaml");
  }

  static final String RADAR = """
      sites:
        - id: RDR-01
          kind: radar
          lat: 42.50043
          lon: 19.85482
      """;

  @Test
  void aRepeatedKeyIsAnErrorNamingTheKeyAndLine() throws Exception {
    assertThat(load(RADAR).byId("RDR-01").lat()).isEqualTo(42.50043);
    // The second 'lat' used to win silently and moved the radar 3,600 km south.
    String twice = RADAR + "    lat: 10\n";
    assertThatThrownBy(() -> load(twice))
        .isInstanceOf(SiteConfigException.class)
        .hasMessage("sites.yaml: line 6: key 'lat' appears twice in the same mapping; remove one"
            + " (a repeated key would silently replace the first)");
  }

  @Test
  void aRepeatedTopLevelKeyIsAnErrorToo() {
    assertThatThrownBy(() -> load(RADAR + "sites: []\n")).hasMessageContaining("key 'sites' appears twice");
  }

  @Test
  void otherSyntaxErrorsStillSayNotValidYaml() {
    assertThatThrownBy(() -> load("sites: [ {id: a\n")).hasMessageStartingWith("sites.yaml:").hasMessageContaining("not valid YAML/JSON");
  }

  @Test
  void perSensorAccuracyIsReadAndOptional() throws Exception {
    SiteRegistry r = load(RADAR.replace("lon: 19.85482", "lon: 19.85482\n    range_sigma_m: 30\n    bearing_sigma_deg: 0.8"));
    assertThat(r.byId("RDR-01").rangeSigmaM()).isEqualTo(30.0);
    assertThat(r.byId("RDR-01").bearingSigmaOr(0.4)).isEqualTo(0.8);
    assertThat(load(RADAR).byId("RDR-01").rangeSigmaOr(15)).isEqualTo(15.0);
    assertThatThrownBy(() -> load(RADAR.replace("lon: 19.85482", "lon: 19.85482\n    bearing_sigma_deg: 90")))
        .hasMessageContaining("bearing_sigma_deg");
  }

  static final String CAMERA = """
      sites:
        - id: CAM-09
          kind: thermal
          lat: 42.43676
          lon: 19.45037
          range_max_m: 7000
      """;

  @Test
  void aCamerasClassIsTrustedByItsRecognitionRange() throws Exception {
    Site cam = load(CAMERA).byId("CAM-09");
    // no recognition_range_m: half the 7000 m range
    assertThat(cam.classReliability(3500)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(cam.classReliability(1750)).isGreaterThan(0.94);
    assertThat(cam.classReliability(6000)).isBetween(0.1, 0.2);
    assertThat(cam.classReliability(6000)).isLessThan(cam.classReliability(4000));
    Site spec = load(CAMERA.replace("range_max_m: 7000", "range_max_m: 7000\n    recognition_range_m: 6000")).byId("CAM-09");
    assertThat(spec.classReliability(6000)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(load(RADAR).byId("RDR-01").classReliability(6000)).isEqualTo(1.0);
    assertThatThrownBy(() -> load(CAMERA.replace("range_max_m: 7000", "range_max_m: 7000\n    recognition_range_m: -5")))
        .hasMessageContaining("recognition_range_m");
  }

  @Test
  void detectionFiguresAreReadAndChecked() throws Exception {
    String figures = "lon: 19.85482\n    detection_probability: 0.8\n    doppler_blind_speed_mps: 1.2\n"
        + "    scan_period_s: 2.5";
    Detection d = load(RADAR.replace("lon: 19.85482", figures)).byId("RDR-01").detection();
    assertThat(d).isEqualTo(new Detection(0.8, 1.2, 2.5));
    assertThat(d.doppler()).isTrue();
    assertThat(load(RADAR).byId("RDR-01").detection()).isEqualTo(Detection.UNKNOWN);
    // a radar without a Doppler filter gives only its Pd
    Detection plain = load(RADAR.replace("lon: 19.85482", "lon: 19.85482\n    detection_probability: 0.9")).byId("RDR-01").detection();
    assertThat(plain.known()).isTrue();
    assertThat(plain.doppler()).isFalse();
    assertThatThrownBy(() -> load(RADAR.replace("lon: 19.85482", "lon: 19.85482\n    detection_probability: 1.5")))
        .hasMessageContaining("detection_probability");
    assertThatThrownBy(() -> load(RADAR.replace("lon: 19.85482", "lon: 19.85482\n    doppler_blind_speed_mps: 1")))
        .hasMessageContaining("need detection_probability");
    assertThatThrownBy(() -> load(CAMERA.replace("range_max_m: 7000",
        "range_max_m: 7000\n    detection_probability: 0.9\n    doppler_blind_speed_mps: 1")))
        .hasMessageContaining("not a camera's");
  }
}
