package io.watchline.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.fusion.track.Measurement;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.Lens;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementModelsTest {
  static final FusionConfig CFG = FusionConfig.defaults();
  // Two radars at the same place: one with fusion's constants, one with its own accuracy.
  static final Site PLAIN = new Site("RDR-01", SiteKind.RADAR, 41.98, 19.1, 10, 0, 360, 50, 12000, -1, -1, 0);
  static final Site OWN = new Site("RDR-02", SiteKind.RADAR, 41.98, 19.1, 10, 0, 360, 50, 12000, -1, -1, 0,
      Lens.PINHOLE, 40, 1.5);
  static final Site CAM = new Site("TC-01", SiteKind.THERMAL, 41.98, 19.1, 10, 0, 60, 0, 3000, -1, -1, 0,
      Lens.PINHOLE, 25, 0.2);
  static final MeasurementModels MODELS =
      new MeasurementModels(Synth.BORDER, new SiteRegistry(List.of(PLAIN, OWN, CAM)), CFG);

  static Observation plot(Kind kind, String sensor) {
    return Observation.builder(Instant.parse("2026-11-27T23:00:00Z"), kind).sensor(sensor).polar(3000, 30).build();
  }

  static void assertCovariance(Measurement m, double[] expected) {
    assertThat(m.rxx()).isCloseTo(expected[0], within(1e-6));
    assertThat(m.rxy()).isCloseTo(expected[1], within(1e-6));
    assertThat(m.ryy()).isCloseTo(expected[2], within(1e-6));
  }

  @Test
  void aRadarWithoutItsOwnAccuracyUsesFusionsConstants() {
    assertCovariance(MODELS.radar(plot(Kind.RADAR, "RDR-01"), 0),
        Measurement.polarCovariance(3000, 30, CFG.radarSigmaRangeM(), CFG.radarSigmaBearingDeg()));
  }

  @Test
  void aSitesRangeAndBearingSigmaReplaceTheConstants() {
    Measurement m = MODELS.radar(plot(Kind.RADAR, "RDR-02"), 0);
    assertCovariance(m, Measurement.polarCovariance(3000, 30, 40, 1.5));
    // 1.5° at 3 km is ~78 m across: far wider than the default's
    assertThat(m.rxx() + m.ryy()).isGreaterThan(MODELS.radar(plot(Kind.RADAR, "RDR-01"), 0).rxx() * 4);
  }

  @Test
  void aRangedCameraUsesItsSitesAccuracy() {
    Observation o = plot(Kind.THERMAL, "TC-01");
    Measurement m = MODELS.thermal(o, MODELS.bearing(o, 0), 0);
    assertCovariance(m, Measurement.polarCovariance(3000, 30, 25, 0.2));
  }
}
