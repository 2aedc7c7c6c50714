package io.watchline.ndjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.watchline.incident.Incident;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an incident NDJSON file ({@code watchline fuse} output) strictly, one {@link Incident} at
 * a time through {@link IncidentJson}: the one way commands read incident lists. Blank lines are
 * skipped; any other line that is not a complete incident stops the read with its line number.
 * Memory holds one line (at most {@value #MAX_LINE} bytes: an incident lists its evidence). Not
 * thread-safe.
 */
public final class IncidentNdjsonReader implements Closeable {
  /** Longest line accepted, bytes (an incident with 20 000 evidence entries per track fits). */
  public static final int MAX_LINE = 64 << 20;
  private final LineReader lines;
  private final String name;

  /**
   * @param in the NDJSON stream (closed by {@link #close})
   * @param name the file name used in error messages
   */
  public IncidentNdjsonReader(InputStream in, String name) {
    this.lines = new LineReader(in, MAX_LINE);
    this.name = name;
  }

  /**
   * The next incident, or null at the end of the stream.
   *
   * @throws BadRecordException "{@code name:line: not an incident: reason}" for a line that is not
   *     an incident (invalid JSON, a missing required field, a wrong type)
   * @throws IOException when reading fails
   */
  public Incident next() throws IOException {
    while (lines.next()) {
      if (lines.blank()) continue;
      try (JsonParser p = Json.FACTORY.createParser(lines.bytes(), 0, lines.length())) {
        return IncidentJson.read(p);
      } catch (BadRecordException | StreamReadException e) {
        throw new BadRecordException(name + ":" + lines.lineNumber() + ": not an incident: " + e.getMessage());
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
