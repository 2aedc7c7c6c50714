package io.watchline.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  static final String TRUTH = String.join("\n",
      "{\"t\":\"2026-11-27T22:00:00.000Z\",\"end\":\"2026-11-28T02:00:00.000Z\",\"kind\":\"target\",\"group\":\"P1\",\"role\":\"patrol\",\"cls\":\"human\",\"group_size\":2,\"path\":[[19.30,42.10,\"2026-11-27T22:00:00.000Z\"],[19.30,42.20,\"2026-11-28T02:00:00.000Z\"]]}",
      "{\"t\":\"2026-11-27T23:00:00.000Z\",\"kind\":\"crossing\",\"group\":\"G1\",\"role\":\"crossing\",\"cls\":\"human\",\"group_size\":3,\"lat\":42.0,\"lon\":19.0,\"side\":\"ALB→MNE\"}",
      "{\"t\":\"2026-11-27T23:30:00.000Z\",\"kind\":\"crossing\",\"group\":\"G2\",\"role\":\"crossing\",\"cls\":\"human\",\"group_size\":1,\"lat\":42.0,\"lon\":19.1,\"side\":\"ALB→MNE\"}",
      "{\"t\":\"2026-11-27T23:40:00.000Z\",\"kind\":\"crossing\",\"group\":\"A1\",\"role\":\"wildlife\",\"cls\":\"animal\",\"group_size\":1,\"lat\":42.0,\"lon\":19.2,\"side\":\"ALB→MNE\"}",
      "{\"t\":\"2026-11-28T00:00:00.000Z\",\"end\":\"2026-11-28T00:20:00.000Z\",\"kind\":\"loiter\",\"group\":\"L1\",\"role\":\"loiter\",\"cls\":\"human\",\"group_size\":2,\"lat\":42.05,\"lon\":19.05,\"side\":\"ALB\"}",
      "");

  static Incident incident(String id, IncidentKind kind, String eventT, double lat, double lon, String sector) {
    Instant t = Instant.parse(eventT);
    return new Incident(id, t.minusSeconds(300), t.plusSeconds(300), lat, lon, sector, "ALB→MNE", kind, 0.8,
        Map.of("event_t", eventT), List.of(), List.of());
  }

  @Test
  void handMadeNight() throws Exception {
    Truth truth = Truth.read(new ByteArrayInputStream(TRUTH.getBytes(StandardCharsets.UTF_8)), "truth");
    List<Incident> inc = List.of(
        // 111 m north of G1, 2 min late: found
        incident("INC-1", IncidentKind.CROSSING, "2026-11-27T23:02:00Z", 42.001, 19.0, "S-01"),
        // a duplicate of G1: a false alarm (one incident per true event)
        incident("INC-2", IncidentKind.CROSSING, "2026-11-27T23:03:00Z", 42.0015, 19.0, "S-01"),
        // G2 at the right place but 6 min late: not found
        incident("INC-3", IncidentKind.CROSSING, "2026-11-27T23:36:00Z", 42.0, 19.1, "S-02"),
        // the animal's crossing is no wanted incident
        incident("INC-4", IncidentKind.CROSSING, "2026-11-27T23:40:00Z", 42.0, 19.2, "S-03"),
        // next to the patrol at 23:00 (42.125): a patrol false alarm
        incident("INC-5", IncidentKind.APPROACH, "2026-11-27T23:00:00Z", 42.126, 19.30, "S-04"),
        // within the loiter's interval, 300 m away: found
        incident("INC-6", IncidentKind.LOITER, "2026-11-28T00:10:00Z", 42.0527, 19.05, "S-01"));
    Evaluator.Report r = Evaluator.evaluate(inc, truth, null);
    Evaluator.KindScore c = r.kind("crossing");
    assertThat(c.truth()).isEqualTo(2);
    assertThat(c.found()).isEqualTo(1);
    assertThat(c.recall()).isEqualTo(0.5);
    assertThat(c.incidents()).isEqualTo(4);
    assertThat(c.precision()).isEqualTo(0.25);
    assertThat(c.meanErrorM()).isCloseTo(111.2, within(0.5));
    assertThat(r.kind("loiter").found()).isEqualTo(1);
    assertThat(r.kind("loiter").meanErrorM()).isCloseTo(300, within(2.0));
    assertThat(r.kind("approach").precision()).isEqualTo(0.0);
    assertThat(r.patrolFalseAlarms()).isEqualTo(1);
    assertThat(r.wildlifeAlarms()).isZero(); // the animal has no path line in this truth
    assertThat(r.falseAlarms()).extracting(Evaluator.FalseAlarm::id).containsExactly("INC-2", "INC-3", "INC-4", "INC-5");
    assertThat(r.sectors()).anySatisfy(s -> {
      assertThat(s.sector()).isEqualTo("S-01");
      assertThat(s.truth()).isEqualTo(1);
      assertThat(s.found()).isEqualTo(1);
      assertThat(s.incidents()).isEqualTo(2);
    });
  }

  @Test
  void welfareHasItsOwnRow() throws Exception {
    String truth = "{\"t\":\"2026-11-27T23:00:00.000Z\",\"end\":\"2026-11-28T00:10:00.000Z\",\"kind\":\"welfare\","
        + "\"group\":\"W1\",\"role\":\"welfare\",\"cls\":\"human\",\"group_size\":4,\"lat\":42.1,\"lon\":19.1,"
        + "\"reason\":\"abandoned after crossing\"}\n";
    Truth t = Truth.read(new ByteArrayInputStream(truth.getBytes(StandardCharsets.UTF_8)), "truth");
    Evaluator.Report r = Evaluator.evaluate(List.of(
        incident("INC-1", IncidentKind.WELFARE, "2026-11-27T23:01:00Z", 42.1005, 19.1, null),
        // a crossing at the same place is not a welfare alert
        incident("INC-2", IncidentKind.CROSSING, "2026-11-27T23:01:00Z", 42.1, 19.1, null),
        // an hour later far away: a false welfare alert
        incident("INC-3", IncidentKind.WELFARE, "2026-11-28T03:00:00Z", 42.3, 19.3, null)), t, null);
    Evaluator.KindScore w = r.kind("welfare");
    assertThat(w.truth()).isEqualTo(1);
    assertThat(w.found()).isEqualTo(1);
    assertThat(w.incidents()).isEqualTo(2);
    assertThat(w.precision()).isEqualTo(0.5);
    assertThat(r.falseAlarms()).extracting(Evaluator.FalseAlarm::id).contains("INC-3");
  }
}
