package io.watchline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.watchline.fusion.TrackSummary;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.BadRecordException;
import io.watchline.ndjson.Json;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fused-track line: what {@code fuse --tracks} writes is what export reads. */
class TrackRecordTest {
  private static String write(TrackSummary t) throws Exception {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(s)) {
      TrackRecord.write(t, g);
    }
    return s.toString();
  }

  private static TrackRecord read(String line) throws Exception {
    try (JsonParser p = Json.FACTORY.createParser(line)) {
      return TrackRecord.read(p);
    }
  }

  @Test
  void aPatrolTrackRoundTripsWithItsSummaryRounded() throws Exception {
    List<TrackPoint> pts = List.of(new TrackPoint(19.5, 42.2, Instant.parse("2026-11-28T02:00:00Z")),
        new TrackPoint(19.501, 42.2004, Instant.parse("2026-11-28T02:00:01.500Z")));
    String line = write(new TrackSummary(12, "patrol", "PATROL-12", 3.2567, 0.8765, "human", 40, 2, 1.26, pts, 42));
    assertThat(line).startsWith("{\"track\":12,\"label\":\"patrol\",\"patrol_unit\":\"PATROL-12\",\"patrol_distance_m\":3.3,"
        + "\"patrol_share\":0.88,\"cls\":\"human\",\"radar_hits\":40,\"thermal_hits\":2,\"speed_mps\":1.3,\"evidence\":42,");
    TrackRecord r = read(line);
    assertThat(r.id()).isEqualTo("12");
    assertThat(r.patrol()).isTrue();
    assertThat(r.text("label")).isEqualTo("patrol");
    assertThat(r.properties()).containsEntry("patrol_share", 0.88).containsEntry("radar_hits", 40L);
    assertThat(r.points()).isEqualTo(pts);
    assertThat(r.start()).isEqualTo(pts.get(0).t());
    assertThat(r.end()).isEqualTo(pts.get(1).t());
  }

  @Test
  void aTargetTrackHasNoPatrolFields() throws Exception {
    TrackRecord r = read(write(new TrackSummary(3, "target", null, Double.NaN, 0.1, null, 5, 0, 0.4,
        List.of(new TrackPoint(19.0, 42.0, Instant.parse("2026-11-28T02:00:00Z"))), 5)));
    assertThat(r.patrol()).isFalse();
    assertThat(r.properties()).doesNotContainKeys("patrol_unit", "patrol_distance_m", "patrol_share", "cls");
  }

  @Test
  void aTrackWithoutPointsIsRejected() {
    assertThatThrownBy(() -> read(write(new TrackSummary(3, "target", null, Double.NaN, 0, "animal", 5, 0, 0.4, List.of(), 5))))
        .isInstanceOf(BadRecordException.class).hasMessage("track without points");
  }
}
