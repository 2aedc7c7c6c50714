package io.watchline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.ndjson.NdjsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncidentMergerTest {
  static final Instant T0 = Instant.parse("2026-11-27T22:00:00Z");

  static SharedIncident report(String originator, String id, IncidentKind kind, String side, double lat, double lon,
      long seconds, String crossing, int hits, double score) {
    Instant t = T0.plusSeconds(seconds);
    Map<String, Object> f = new java.util.LinkedHashMap<>();
    f.put("event_t", t.toString());
    if (crossing != null) f.put("crossing", crossing);
    f.put("hits", (long) hits);
    Incident i = new Incident(id, t.minusSeconds(60), t.plusSeconds(60), lat, lon, "S-01", side, kind, score, f,
        List.of(), List.of());
    return new SharedIncident(originator, i, true);
  }

  /** 150 m north of (lat, lon). */
  static double north(double lat, double m) {
    return lat + m / 111_195;
  }

  static List<SharedIncident> night() {
    List<SharedIncident> r = new ArrayList<>();
    // One crossing into Montenegro seen by all three: ours placed best (seen, more hits).
    r.add(report("MNE", "INC-1", IncidentKind.CROSSING, "ALB→MNE", 42.10, 19.40, 0, "seen", 40, 0.9));
    r.add(report("ALB", "INC-7", IncidentKind.CROSSING, "ALB→MNE", north(42.10, 150), 19.40, 40, "inferred", 10, 0.95));
    r.add(report("KOS", "INC-3", IncidentKind.CROSSING, "ALB→MNE", north(42.10, -200), 19.40, 60, "seen", 12, 0.7));
    // Our exit is their entry: one direction string for both.
    r.add(report("MNE", "INC-2", IncidentKind.CROSSING, "MNE→ALB", 42.20, 19.50, 3600, "seen", 30, 0.8));
    r.add(report("ALB", "INC-8", IncidentKind.CROSSING, "MNE→ALB", north(42.20, 90), 19.50, 3500, "seen", 50, 0.85));
    // Same place and time, different kind: a conflict, both kept.
    r.add(report("MNE", "INC-4", IncidentKind.APPROACH, "MNE", 42.30, 19.60, 7200, null, 20, 0.6));
    r.add(report("ALB", "INC-9", IncidentKind.CROSSING, "MNE→ALB", north(42.30, 100), 19.60, 7230, "seen", 25, 0.7));
    // Two of our own reports close together stay two: merge does not second-guess one country's fusion.
    r.add(report("MNE", "INC-5", IncidentKind.CROSSING, "ALB→MNE", 42.40, 19.70, 9000, "seen", 20, 0.9));
    r.add(report("MNE", "INC-6", IncidentKind.CROSSING, "ALB→MNE", north(42.40, 50), 19.70, 9010, "seen", 20, 0.9));
    // Too far apart in time to be one event.
    r.add(report("ALB", "INC-10", IncidentKind.CROSSING, "ALB→MNE", 42.40, 19.70, 9000 + 600, "seen", 20, 0.9));
    return r;
  }

  @Test
  void reportsOfOneEventBecomeOneJointIncidentWithTheBetterPosition() {
    List<JointIncident> out = IncidentMerger.merge(night(), IncidentMerger.Gates.DEFAULT);
    assertThat(out).hasSize(7);
    JointIncident first = out.get(0);
    assertThat(first.incident().id()).isEqualTo("ALB/INC-7+KOS/INC-3+MNE/INC-1");
    assertThat(first.origins()).extracting(SharedIncident::originator).containsExactly("ALB", "KOS", "MNE");
    assertThat(first.incident().lat()).isEqualTo(42.10); // MNE's: seen, and most hits
    assertThat(first.incident().score()).isEqualTo(0.95);
    assertThat(first.incident().factors()).containsEntry("origins", "ALB,KOS,MNE");

    JointIncident exit = out.get(1);
    assertThat(exit.incident().id()).isEqualTo("ALB/INC-8+MNE/INC-2");
    assertThat(exit.incident().lat()).isEqualTo(north(42.20, 90)); // ALB's: more hits
    assertThat(exit.incident().start()).isEqualTo(T0.plusSeconds(3500 - 60));
    assertThat(exit.incident().end()).isEqualTo(T0.plusSeconds(3600 + 60));
  }

  @Test
  void disagreementsAreFlaggedOnBothSidesNotHidden() {
    List<JointIncident> out = IncidentMerger.merge(night(), IncidentMerger.Gates.DEFAULT);
    JointIncident approach = find(out, "MNE/INC-4");
    JointIncident crossing = find(out, "ALB/INC-9");
    assertThat(approach.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.with()).isEqualTo("ALB/INC-9");
      assertThat(c.differs()).isEqualTo("kind,direction");
    });
    assertThat(crossing.conflicts()).singleElement().satisfies(c -> assertThat(c.with()).isEqualTo("MNE/INC-4"));
    assertThat(crossing.incident().factors()).containsEntry("conflict", "kind,direction");
    assertThat(find(out, "MNE/INC-5").origins()).hasSize(1);
    assertThat(find(out, "MNE/INC-6").origins()).hasSize(1);
    assertThat(find(out, "ALB/INC-10").conflicts()).isEmpty();
  }

  @Test
  void theResultDoesNotDependOnTheOrderOfTheReports() throws IOException {
    byte[] reference = bytes(IncidentMerger.merge(night(), IncidentMerger.Gates.DEFAULT));
    Random r = new Random(15);
    for (int k = 0; k < 30; k++) {
      List<SharedIncident> shuffled = new ArrayList<>(night());
      Collections.shuffle(shuffled, r);
      assertThat(bytes(IncidentMerger.merge(shuffled, IncidentMerger.Gates.DEFAULT))).isEqualTo(reference);
    }
  }

  private static JointIncident find(List<JointIncident> out, String key) {
    return out.stream().filter(j -> j.origins().stream().anyMatch(o -> o.key().equals(key))).findFirst().orElseThrow();
  }

  static byte[] bytes(List<JointIncident> joint) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    NdjsonWriter w = new NdjsonWriter(b);
    for (JointIncident j : joint) {
      w.write(j.incident(), j::writeExtra);
    }
    w.flush();
    return b.toByteArray();
  }
}
