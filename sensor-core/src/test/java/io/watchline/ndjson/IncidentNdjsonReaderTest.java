package io.watchline.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.incident.Incident;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IncidentNdjsonReaderTest {
  private static final String GOOD = "{\"id\":\"INC-20261127-0001\",\"start\":\"2026-11-27T23:07:00.000Z\","
      + "\"end\":\"2026-11-27T23:20:00.000Z\",\"lat\":42.0,\"lon\":19.1,\"kind\":\"crossing\",\"score\":0.8}";

  private static IncidentNdjsonReader reader(String text) {
    return new IncidentNdjsonReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "inc.ndjson");
  }

  @Test
  void incidentsAreReadOneByOneSkippingBlankLines() throws Exception {
    try (IncidentNdjsonReader r = reader(GOOD + "\n\n" + GOOD.replace("0001", "0002") + "\n")) {
      Incident a = r.next();
      assertThat(a.id()).isEqualTo("INC-20261127-0001");
      assertThat(a.lat()).isEqualTo(42.0);
      assertThat(r.next().id()).isEqualTo("INC-20261127-0002");
      assertThat(r.next()).isNull();
    }
  }

  @Test
  void aLineThatIsNotAnIncidentStopsTheReadWithItsNumber() throws Exception {
    try (IncidentNdjsonReader r = reader(GOOD + "\n{\"id\":\"X\",\"kind\":\"crossing\",\"lat\":42,\"lon\":19}\n")) {
      r.next();
      assertThatThrownBy(r::next).isInstanceOf(BadRecordException.class)
          .hasMessage("inc.ndjson:2: not an incident: incident needs id, start, end, kind, lat and lon");
    }
    try (IncidentNdjsonReader r = reader("{\"id\": \n")) {
      assertThatThrownBy(r::next).isInstanceOf(BadRecordException.class).hasMessageStartingWith("inc.ndjson:1: not an incident: ");
    }
  }
}
