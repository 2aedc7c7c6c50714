package io.watchline.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharerTest {
  static final Instant T = Instant.parse("2026-11-27T23:10:00Z");
  /** Border along the parallel 42°N. */
  static final PositionPolicy POLICY = new PositionPolicy((lat, lon) -> (lat - 42.0) * 111_195, 1000, 1000);
  static final PartnerKey KEY = new PartnerKey("sixteen bytes or more, please".getBytes(StandardCharsets.UTF_8));

  static Incident incident(String id, IncidentKind kind, String sector, double score, int corroborated) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event_t", T.toString());
    f.put("corroborated", (long) corroborated);
    f.put("cls", "human");
    f.put("group_size", 3L);
    f.put("blue_force_m", 120L);
    f.put("tracks", "17,18");
    List<TrackPoint> track = List.of(new TrackPoint(19.5123456, 42.0412345, T.minusSeconds(600)),
        new TrackPoint(19.5123999, 42.0412999, T.minusSeconds(590)), new TrackPoint(19.51, 42.003, T));
    return new Incident(id, T.minusSeconds(600), T.plusSeconds(60), 42.0001, 19.51, sector, "ALB→MNE", kind, score, f,
        track, List.of(Source.atLine("radar.ndjson", 123_456, 789)));
  }

  static List<JsonNode> share(ShareLevel level, Incident... incidents) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    NdjsonWriter w = new NdjsonWriter(b);
    Sharer s = new Sharer(new Sharer.Options(level, "MNE", null, Duration.ofDays(7), KEY, POLICY, null), w);
    for (Incident i : incidents) s.accept(i);
    s.finish();
    List<JsonNode> out = new ArrayList<>();
    ObjectMapper m = new ObjectMapper();
    for (String l : b.toString(StandardCharsets.UTF_8).split("\n")) if (!l.isEmpty()) out.add(m.readTree(l));
    return out;
  }

  @Test
  void internalKeepsEverythingAndAddsTheMarking() throws IOException {
    JsonNode r = share(ShareLevel.INTERNAL, incident("INC-1", IncidentKind.CROSSING, "S-02", 0.9, 2)).get(0);
    assertThat(r.get("evidence").get(0).get("offset").asLong()).isEqualTo(123_456);
    assertThat(r.get("factors").has("blue_force_m")).isTrue();
    JsonNode m = r.get("marking");
    assertThat(m.get("tlp").asText()).isEqualTo("TLP:AMBER+STRICT");
    assertThat(m.get("originator").asText()).isEqualTo("MNE");
    assertThat(m.get("confidence").get("credibility").asText()).isEqualTo("confirmed");
    assertThat(m.get("valid_until").asText()).isEqualTo("2026-12-04T23:11:00.000Z");
  }

  @Test
  void neighbourKeepsWhatWasSeenAndHidesWhoSawIt() throws IOException {
    JsonNode r = share(ShareLevel.NEIGHBOUR, incident("INC-1", IncidentKind.CROSSING, "S-02", 0.6, 1)).get(0);
    assertThat(r.get("factors").has("blue_force_m")).isFalse();
    assertThat(r.get("factors").has("tracks")).isFalse();
    assertThat(r.get("factors").get("group_size").asInt()).isEqualTo(3);
    assertThat(r.get("evidence")).isEmpty();
    assertThat(r.get("evidence_refs").get(0).asText()).isEqualTo(KEY.pseudonym("REF-", "evidence", "radar.ndjson@123456:789"));
    assertThat(r.get("position").asText()).isEqualTo("exact");
    // The two inland points fall in one grid cell: one snapped point; the one near the border stays.
    JsonNode track = r.get("track");
    assertThat(track).hasSize(2);
    assertThat(track.get(0).get(1).asDouble()).isNotEqualTo(42.0412345);
    assertThat(track.get(1).get(1).asDouble()).isEqualTo(42.003);
    assertThat(r.get("marking").get("confidence").get("level").asText()).isEqualTo("low");
  }

  @Test
  void eurosurReportsCrossingsAndAttemptsButNotLoiters() throws IOException {
    List<JsonNode> out = share(ShareLevel.EUROSUR, incident("INC-1", IncidentKind.CROSSING, "S-02", 0.9, 1),
        incident("INC-2", IncidentKind.APPROACH, "S-02", 0.7, 1), incident("INC-3", IncidentKind.LOITER, "S-02", 0.7, 1));
    assertThat(out).extracting(n -> n.get("crossing").asText()).containsExactly("actual", "attempted");
    assertThat(out.get(0).get("direction").asText()).isEqualTo("entry");
    assertThat(out.get(0).get("impact_level").asText()).isEqualTo("medium");
    assertThat(out.get(0).get("detection_means").get(0).asText()).isEqualTo("radar");
  }

  @Test
  void statisticsCountPerNightSectorKindAndDirectionWithoutPositions() throws IOException {
    List<JsonNode> out = share(ShareLevel.STATISTICS, incident("INC-1", IncidentKind.CROSSING, "S-02", 0.9, 1),
        incident("INC-2", IncidentKind.CROSSING, "S-02", 0.7, 1), incident("INC-3", IncidentKind.CROSSING, "S-03", 0.7, 1),
        incident("INC-4", IncidentKind.LOITER, "S-02", 0.7, 1));
    assertThat(out).extracting(n -> n.get("sector").asText() + " " + n.get("kind").asText() + " " + n.get("count").asInt())
        .containsExactly("S-02 crossing 2", "S-02 loiter 1", "S-03 crossing 1");
    assertThat(out).allSatisfy(n -> {
      assertThat(n.get("night").asText()).isEqualTo("2026-11-27");
      assertThat(n.has("lat") || n.has("track")).isFalse();
      assertThat(n.get("marking").get("tlp").asText()).isEqualTo("TLP:GREEN");
      assertThat(n.get("marking").get("valid_from").asText()).isEqualTo("2026-11-27T12:00:00.000Z");
    });
  }
}
