package io.watchline.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CausesTest {
  private static final long T = Instant.parse("2026-11-27T23:00:00Z").toEpochMilli();

  private static Evaluator.FalseAlarm alarm(String cause) {
    return new Evaluator.FalseAlarm("INC-1", "crossing", cause, null, Double.NaN);
  }

  private static Incident incident(IncidentKind kind, double lat, double lon, String cls) {
    return new Incident("INC-1", Instant.ofEpochMilli(T), Instant.ofEpochMilli(T + 60_000), lat, lon, "S-1", "A→B", kind, 0.7,
        Map.of("cls", cls), List.of(), List.of());
  }

  @Test
  void falseAlarmsFallIntoTheCategoriesAnAnalystTunesAgainst() {
    assertThat(Causes.of(alarm("unexplained"))).isEqualTo("clutter");
    assertThat(Causes.of(alarm("road"))).isEqualTo("clutter");
    assertThat(Causes.of(alarm("herd"))).isEqualTo("herd");
    assertThat(Causes.of(alarm("wildlife"))).isEqualTo("herd");
    assertThat(Causes.of(alarm("patrol"))).isEqualTo("patrol");
    assertThat(Causes.of(alarm("split-crossing"))).isEqualTo("split");
    assertThat(Causes.of(alarm("return-crossing"))).isEqualTo("return");
    assertThat(Causes.of(alarm("crossing"))).isEqualTo("kind");
  }

  @Test
  void aMissIsExplainedByItsRoleOrWhatWasReportedThere() {
    TruthEvent cross = new TruthEvent("crossing", "crossing", "G1", T, T, 42.0, 19.0, 3, "A→B");
    assertThat(Causes.of(cross, List.of(), null)).isEqualTo("missed");
    assertThat(Causes.of(cross, List.of(incident(IncidentKind.APPROACH, 42.0, 19.001, "human")), null)).isEqualTo("kind");
    assertThat(Causes.of(cross, List.of(incident(IncidentKind.CROSSING, 42.0, 19.001, "animal")), null)).isEqualTo("class");
    assertThat(Causes.of(cross, List.of(incident(IncidentKind.APPROACH, 42.1, 19.0, "human")), null)).isEqualTo("missed");
    TruthEvent back = new TruthEvent("crossing", "return-crossing", "G2", T, T, 42.0, 19.0, 3, "B→A");
    assertThat(Causes.of(back, List.of(), null)).isEqualTo("return");
  }
}
