package io.watchline.fusion.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.incident.IncidentKind;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ScorerTest {
  static Scorer.Factors random(Random r) {
    IncidentKind k = IncidentKind.values()[r.nextInt(3)];
    String[] cls = {"human", "vehicle", "animal", "unknown"};
    return new Scorer.Factors(k, r.nextBoolean(), 1 + r.nextInt(2), cls[r.nextInt(4)], r.nextDouble(), 1 + r.nextInt(4),
        r.nextBoolean(), r.nextDouble(), r.nextDouble() * 400, 300, 3 + r.nextInt(50), r.nextDouble(), 1 + r.nextInt(3));
  }

  static double s(Scorer.Factors f) {
    return Scorer.score(f).value();
  }

  @RepeatedTest(50)
  void monotoneInEveryFactor(RepetitionInfo info) {
    Random r = new Random(info.getCurrentRepetition());
    Scorer.Factors f = random(r);
    double base = s(f);
    assertThat(base).isBetween(0.0, 1.0);
    // more corroboration, a bigger group, night, higher confidence, more hits: never lower
    assertThat(s(new Scorer.Factors(f.kind(), f.seen(), f.sensorKinds() + 1, f.cls(), f.clsShare(), f.groupSize(), f.night(), f.meanConf(), f.distanceM(), f.nearM(), f.hits(), f.straightness(), f.crossings()))).isGreaterThanOrEqualTo(base);
    assertThat(s(new Scorer.Factors(f.kind(), f.seen(), f.sensorKinds(), f.cls(), f.clsShare(), f.groupSize() + 1, f.night(), f.meanConf(), f.distanceM(), f.nearM(), f.hits(), f.straightness(), f.crossings()))).isGreaterThanOrEqualTo(base);
    assertThat(s(new Scorer.Factors(f.kind(), f.seen(), f.sensorKinds(), f.cls(), f.clsShare(), f.groupSize(), true, f.meanConf(), f.distanceM(), f.nearM(), f.hits(), f.straightness(), f.crossings()))).isGreaterThanOrEqualTo(base);
    assertThat(s(new Scorer.Factors(f.kind(), f.seen(), f.sensorKinds(), f.cls(), f.clsShare(), f.groupSize(), f.night(), Math.min(1, f.meanConf() + 0.2), f.distanceM(), f.nearM(), f.hits(), f.straightness(), f.crossings()))).isGreaterThanOrEqualTo(base);
    assertThat(s(new Scorer.Factors(f.kind(), f.seen(), f.sensorKinds(), f.cls(), f.clsShare(), f.groupSize(), f.night(), f.meanConf(), f.distanceM(), f.nearM(), f.hits() + 10, f.straightness(), f.crossings()))).isGreaterThanOrEqualTo(base);
    assertThat(s(new Scorer.Factors(f.kind(), f.seen(), f.sensorKinds(), f.cls(), f.clsShare(), f.groupSize(), f.night(), f.meanConf(), f.distanceM(), f.nearM(), f.hits(), Math.min(1, f.straightness() + 0.1), f.crossings()))).isGreaterThanOrEqualTo(base);
    assertThat(s(new Scorer.Factors(f.kind(), f.seen(), f.sensorKinds(), f.cls(), f.clsShare(), f.groupSize(), f.night(), f.meanConf(), f.distanceM(), f.nearM(), f.hits(), f.straightness(), f.crossings() + 1))).isLessThanOrEqualTo(base);
    // a seen crossing is never below an inferred one; further from the line is never higher
    assertThat(s(new Scorer.Factors(f.kind(), true, f.sensorKinds(), f.cls(), f.clsShare(), f.groupSize(), f.night(), f.meanConf(), f.distanceM(), f.nearM(), f.hits(), f.straightness(), f.crossings()))).isGreaterThanOrEqualTo(base);
    assertThat(s(new Scorer.Factors(f.kind(), f.seen(), f.sensorKinds(), f.cls(), f.clsShare(), f.groupSize(), f.night(), f.meanConf(), f.distanceM() + 100, f.nearM(), f.hits(), f.straightness(), f.crossings()))).isLessThanOrEqualTo(base);
  }

  @Test
  void aLongStayLiftsARadarOnlyLoiterFarFromTheLineOverTheThreshold() {
    // radar only, 450 m out, came in straight: an 18-min stay stays below 0.5, a 40-min one does not
    Scorer.Factors brief = new Scorer.Factors(IncidentKind.LOITER, true, 1, "unknown", 0, 1, true, Double.NaN, 450, 500, 400,
        0.95, 0, 19 * 60_000L);
    Scorer.Factors longer = new Scorer.Factors(IncidentKind.LOITER, true, 1, "unknown", 0, 1, true, Double.NaN, 450, 500,
        400, 0.95, 0, 40 * 60_000L);
    assertThat(s(brief)).isLessThan(0.5);
    assertThat(s(longer)).isGreaterThan(0.5);
    assertThat(Scorer.score(longer).terms()).containsKey("long stay");
    // never lower for a longer stay; other kinds do not care
    for (long d = 0; d < 90 * 60_000L; d += 60_000L) {
      Scorer.Factors a = new Scorer.Factors(IncidentKind.LOITER, true, 1, "unknown", 0, 1, true, Double.NaN, 450, 500, 400,
          0.95, 0, d);
      Scorer.Factors b = new Scorer.Factors(IncidentKind.LOITER, true, 1, "unknown", 0, 1, true, Double.NaN, 450, 500, 400,
          0.95, 0, d + 60_000L);
      assertThat(s(b)).isGreaterThanOrEqualTo(s(a));
    }
    Scorer.Factors approach = new Scorer.Factors(IncidentKind.APPROACH, true, 1, "unknown", 0, 1, true, Double.NaN, 450, 500,
        400, 0.95, 0, 40 * 60_000L);
    assertThat(Scorer.score(approach).terms()).doesNotContainKey("long stay");
  }

  @Test
  void concreteValuesAndTheExplanation() {
    Scorer.Score s = Scorer.score(new Scorer.Factors(IncidentKind.CROSSING, true, 2, "human", 1.0, 1, true, Double.NaN, 0, 300, 50, Double.NaN, 1));
    // z = -2 + 2.6 + 1.0 + 0.5 + 0.4 = 2.5
    assertThat(s.value()).isEqualTo(1 / (1 + Math.exp(-2.5)));
    assertThat(s.explain()).isEqualTo("bias -2.00, crossing seen +2.60, corroborated +1.00, class human +0.50, night +0.40");
    Scorer.Score animal = Scorer.score(new Scorer.Factors(IncidentKind.CROSSING, true, 2, "animal", 1.0, 1, true, 0.9, 0, 300, 50, 0.95, 1));
    Scorer.Score wandering = Scorer.score(new Scorer.Factors(IncidentKind.CROSSING, true, 1, "unknown", 0, 1, true, Double.NaN, 0, 300, 50, 0.45, 2));
    assertThat(wandering.value()).isLessThan(0.5);
    assertThat(wandering.explain()).contains("straight path -1.20").contains("recrossed -1.00");
    assertThat(animal.value()).isLessThan(0.5);
  }
}
