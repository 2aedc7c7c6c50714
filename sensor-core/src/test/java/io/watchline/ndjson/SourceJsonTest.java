package io.watchline.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.observation.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pre-encoded file names must give exactly the bytes Jackson writes for the plain string. */
class SourceJsonTest {
  @Test
  void everyKindOfFileNameIsWrittenAsJacksonWritesTheString() throws IOException {
    List<String> names = new ArrayList<>(List.of("/data/radar.ff", "C:\\feeds\\radar.ff", "a \"quoted\" name",
        "tab\there", "line\nbreak", "nul\u0000", "del\u007f", "Podgorica-čačak.nmea", "☃.gpx", "emoji-\uD83D\uDE80",
        "lone-\uD800-surrogate", "", " "));
    for (int i = 0; i < 300; i++) {
      names.add("/many/files/feed-" + i + ".ff"); // past the cache's bound
    }
    for (int round = 0; round < 2; round++) { // the second round reads the cache
      for (String name : names) {
        Source s = Source.atLine(name, 12, 3);
        assertThat(viaWriter(s)).as(name).isEqualTo(plain(s));
      }
    }
  }

  private static String viaWriter(Source s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      ObservationJson.writeSource(s, g);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String plain(Source s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("file", s.file());
      g.writeNumberField("offset", s.offset());
      g.writeNumberField("line", s.line());
      g.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
