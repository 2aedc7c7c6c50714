package io.watchline.evaluate;

import io.watchline.geo.InvalidValueException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.ndjson.IsoTime;
import io.watchline.ndjson.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A simulator {@code truth.ndjson}: events and target paths (see docs/simulator.md). */
public record Truth(List<TruthEvent> events, List<TruthPath> paths) {

  public static Truth read(InputStream in, String name) throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<TruthEvent> events = new ArrayList<>();
    List<TruthPath> paths = new ArrayList<>();
    try (LineReader lines = new LineReader(in, 64 << 20)) { // a patrol's path is one long line
      while (lines.next()) {
        if (lines.blank()) continue;
        JsonNode n;
        try {
          n = m.readTree(new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new InvalidValueException(name + ":" + lines.lineNumber() + ": not JSON");
        }
        String kind = n.path("kind").asText("");
        String role = n.path("role").asText("");
        String group = n.path("group").asText("");
        switch (kind) {
          case "crossing", "approach", "loiter", "welfare" -> {
            long t = time(n, "t", name, lines.lineNumber());
            long end = n.has("end") ? time(n, "end", name, lines.lineNumber()) : t;
            events.add(new TruthEvent(kind, role, group, t, end, n.path("lat").asDouble(), n.path("lon").asDouble(),
                n.path("group_size").asInt(1), n.path("side").asText(null)));
          }
          case "target" -> paths.add(TruthPath.of(group, role, n.path("path")));
          default -> { }
        }
      }
    }
    return new Truth(events, paths);
  }

  private static long time(JsonNode n, String field, String name, long line) {
    try {
      return IsoTime.parse(n.path(field).asText()).toEpochMilli();
    } catch (RuntimeException e) {
      throw new InvalidValueException(name + ":" + line + ": bad time in '" + field + "'");
    }
  }
}
