package io.watchline.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.watchline.incident.Incident;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.Json;
import io.watchline.ndjson.LineReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** One incident's line in an incident NDJSON file, byte for byte, with where it was. */
record IncidentLine(byte[] bytes, long offset, long lineNumber, Incident incident, Map<String, String> evidenceFiles) {

  byte[] bytesWithNewline() {
    byte[] b = Arrays.copyOf(bytes, bytes.length + 1);
    b[bytes.length] = '\n';
    return b;
  }

  /** Streams the file to the line with {@code "id":"<id>"}; throws when there is none. */
  static IncidentLine find(Path file, String id) throws IOException {
    byte[] needle = ("\"id\":\"" + id + "\"").getBytes(StandardCharsets.UTF_8);
    try (LineReader lines = new LineReader(Files.newInputStream(file))) {
      while (lines.next()) {
        if (lines.overlong() || indexOf(lines.bytes(), lines.length(), needle) < 0) continue;
        byte[] b = Arrays.copyOf(lines.bytes(), lines.length());
        return parse(b, lines.offset(), lines.lineNumber(), file + ":" + lines.lineNumber());
      }
    }
    throw new IOException("no incident " + id + " in " + file);
  }

  static IncidentLine parse(byte[] b, long offset, long lineNumber, String where) throws IOException {
    Incident inc;
    try (JsonParser p = Json.FACTORY.createParser(b)) {
      inc = IncidentJson.read(p);
    } catch (IOException e) {
      throw new IOException(where + ": not an incident record (" + e.getMessage() + ")");
    }
    Map<String, String> files = new LinkedHashMap<>();
    JsonNode n = RunManifest.JSON.readTree(b);
    for (JsonNode f : n.path("evidence_files")) {
      if (f.hasNonNull("sha256")) files.put(f.path("file").asText(), f.path("sha256").asText());
    }
    return new IncidentLine(b, offset, lineNumber, inc, files);
  }

  private static int indexOf(byte[] hay, int len, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= len; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
