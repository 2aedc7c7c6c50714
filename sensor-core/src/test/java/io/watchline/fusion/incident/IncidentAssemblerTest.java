package io.watchline.fusion.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Source;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentAssemblerTest {
  static final long T = Instant.parse("2026-11-27T23:00:00Z").toEpochMilli();

  static Candidate crossing(long id, long dtMs, double dLatM, String side) {
    return new Candidate(IncidentKind.CROSSING, T + dtMs, T + dtMs - 600_000, T + dtMs + 300_000, 42.0 + dLatM / 111_195, 19.0,
        "S-01", side, true, 0, 0, 1, "unknown", 0, Double.NaN, 40, 1.3, 0.95, 1, Double.NaN, id, List.of(),
        List.of(Source.atLine("radar.ndjson", id * 1000, id)));
  }

  @Test
  void tracksOfOneGroupAreOneIncidentTwoGroupsApartAreTwo() {
    IncidentAssembler a = new IncidentAssembler(80, 90_000, 300);
    a.add(crossing(1, 0, 0, "ALB→MNE"));
    a.add(crossing(2, 20_000, 30, "ALB→MNE")); // same group: 30 m, 20 s
    a.add(crossing(3, 120_000, 150, "ALB→MNE")); // a second group 150 m and 2 min later
    a.add(crossing(4, 10_000, 10, "MNE→ALB")); // the other direction is another incident
    List<Incident> out = a.finish(0);
    assertThat(out).hasSize(3);
    Incident first = out.stream().filter(i -> i.factors().get("group_size").equals(2)).findFirst().orElseThrow();
    assertThat(first.evidence()).extracting(Source::line).containsExactly(1L, 2L);
    assertThat(out).extracting(Incident::id).containsExactly("INC-20261127-0001", "INC-20261127-0002", "INC-20261127-0003");
    assertThat(out).isSortedAccordingTo(java.util.Comparator.comparing(Incident::start));
  }

  @Test
  void lowScoresAreDropped() {
    IncidentAssembler a = new IncidentAssembler(80, 90_000, 300);
    a.add(crossing(1, 0, 0, "ALB→MNE"));
    assertThat(a.finish(0.99)).isEmpty();
  }
}
