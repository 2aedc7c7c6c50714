package io.watchline.merge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.BadRecordException;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.Json;
import io.watchline.ndjson.LineReader;
import io.watchline.observation.Source;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one country's incident list for {@code merge}: canonical incident lines, with or without
 * the {@code marking} and {@code position} that {@code share} adds. The originator is the
 * marking's, else {@code fallbackOriginator}. Statistics and EUROSUR event records carry no
 * incident and are rejected with their reason.
 */
public final class SharedIncidentReader implements Closeable {
  private final LineReader lines;
  private final String file;
  private final String fallbackOriginator;
  private final RejectSink rejects;
  private final ReadStats stats;

  public SharedIncidentReader(InputStream in, String file, String fallbackOriginator, RejectSink rejects) {
    this.lines = new LineReader(in);
    this.file = file;
    this.fallbackOriginator = fallbackOriginator;
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    stats.format("ndjson");
  }

  /** The next incident, or null at the end. */
  public SharedIncident next() throws IOException {
    while (lines.next()) {
      stats.bytes(lines.position());
      if (lines.overlong()) {
        reject("line longer than " + lines.maxLine() + " bytes (" + lines.lineBytes() + ")");
        continue;
      }
      if (lines.blank()) {
        stats.skipped("blank line");
        continue;
      }
      try {
        SharedIncident s = parse();
        stats.emitted();
        return s;
      } catch (BadRecordException e) {
        reject(e.getMessage());
      } catch (StreamReadException e) {
        reject("invalid JSON: " + e.getOriginalMessage());
      }
    }
    stats.bytes(lines.position());
    return null;
  }

  private SharedIncident parse() throws IOException {
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

  private void reject(String reason) {
    stats.rejected();
    rejects.reject(new Reject(Source.atLine(file, lines.offset(), lines.lineNumber()), reason, lines.excerpt()));
  }

  public ReadStats stats() {
    return stats;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
