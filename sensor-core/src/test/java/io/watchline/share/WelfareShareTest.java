package io.watchline.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A neighbour gets a welfare case exactly where the people are, with why, but nothing of our patrols. */
class WelfareShareTest {
  @Test
  void neighbourGetsTheExactPositionAndTheReasonsButNoPatrol() throws Exception {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event_t", SharerTest.T.toString());
    f.put("priority", 1L);
    f.put("reasons", "stationary 64 min, 2140 m from the nearest road; crossed the border 21 min before stopping");
    f.put("wind_chill_c", -14.2);
    f.put("road_m", 2140L);
    f.put("patrol_unit", "PATROL-12");
    f.put("patrol_m", 2944L);
    f.put("patrol_fix_t", SharerTest.T.toString());
    f.put("tracks", "8066");
    f.put("explain", "bias -1.00, stationary 64 min +2.00");
    // 3 km inside: any other kind would be snapped to the 1 km grid here
    List<TrackPoint> track = List.of(new TrackPoint(19.5123456, 42.0212345, SharerTest.T.minusSeconds(3600)),
        new TrackPoint(19.5123999, 42.0270001, SharerTest.T));
    Incident welfare = new Incident("INC-9", SharerTest.T.minusSeconds(3600), SharerTest.T.plusSeconds(3600), 42.0270001,
        19.5123999, "S-02", "MNE", IncidentKind.WELFARE, 0.97, f, track, List.of(Source.atLine("radar.ndjson", 99, 3)));
    JsonNode r = SharerTest.share(ShareLevel.NEIGHBOUR, welfare).get(0);
    assertThat(r.get("kind").asText()).isEqualTo("welfare");
    assertThat(r.get("position").asText()).isEqualTo("exact");
    assertThat(r.get("lat").asDouble()).isEqualTo(42.0270001);
    assertThat(r.get("track").get(0).get(1).asDouble()).isEqualTo(42.0212345);
    JsonNode sf = r.get("factors");
    assertThat(sf.get("reasons").asText()).contains("stationary 64 min");
    assertThat(sf.get("priority").asInt()).isEqualTo(1);
    assertThat(sf.get("wind_chill_c").asDouble()).isEqualTo(-14.2);
    assertThat(sf.has("patrol_unit")).isFalse();
    assertThat(sf.has("patrol_m")).isFalse();
    assertThat(sf.has("patrol_fix_t")).isFalse();
    assertThat(sf.has("tracks")).isFalse();
    assertThat(r.toString()).doesNotContain("PATROL-12").doesNotContain("2944");
  }
}
