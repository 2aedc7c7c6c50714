package io.watchline.merge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.BadRecordException;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.Json;
import io.watchline.ndjson.LineReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one country's incident list for {@code merge}: canonical incident lines, with or without
 * the {@code marking} and {@code position} that {@code share} adds. The originator is the
 * marking's, else {@code fallbackOriginator}. Statistics and EUROSUR event records carry no
 * incident and are rejected with their reason.
 */
public final class SharedIncidentReader extends io.watchline.ndjson.NdjsonRecordReader<SharedIncident> {
  private final String fallbackOriginator;

  public SharedIncidentReader(InputStream in, String file, String fallbackOriginator, RejectSink rejects) {
    super(new LineReader(in), file, rejects);
    this.fallbackOriginator = fallbackOriginator;
  }

  @Override
  protected SharedIncident parse() throws IOException {
    String originator = null, position = null, record = null;
    try (JsonParser p = Json.FACTORY.createParser(lines.bytes(), 0, lines.length())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRecordException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (f.equals("marking") && v == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String m = p.currentName();
            JsonToken mv = p.nextToken();
            if (m.equals("originator") && mv == JsonToken.VALUE_STRING) originator = p.getText();
            p.skipChildren();
          }
        } else if (f.equals("position") && v == JsonToken.VALUE_STRING) {
          position = p.getText();
        } else if ((f.equals("record") || f.equals("report_type")) && v == JsonToken.VALUE_STRING) {
          record = p.getText();
        } else {
          p.skipChildren();
        }
      }
    }
    if (record != null) {
      throw new BadRecordException("a '" + record + "' record carries no incident to merge: share at the internal or neighbour level");
    }
    try (JsonParser p = Json.FACTORY.createParser(lines.bytes(), 0, lines.length())) {
      return new SharedIncident(originator != null ? originator : fallbackOriginator, IncidentJson.read(p),
          position == null || position.equals("exact"));
    }
  }
}
