package io.watchline.ndjson;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.incident.Incident;
import io.watchline.observation.Observation;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes canonical records as NDJSON: one compact JSON object per line, UTF-8. One writer may mix
 * record types (the tests do); the stream itself is not closed unless asked.
 */
public final class NdjsonWriter implements RejectSink, Closeable, Flushable {
  private final JsonGenerator g;
  private final StringBuilder scratch = new StringBuilder(32);
  private final boolean closeTarget;
  private long written;

  public NdjsonWriter(OutputStream out) {
    this(out, false);
  }

  public NdjsonWriter(OutputStream out, boolean closeTarget) {
    try {
      this.g = Json.FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    g.setRootValueSeparator(null);
    this.closeTarget = closeTarget;
  }

  public void write(Observation o) throws IOException {
    ObservationJson.write(o, g, scratch);
    endLine();
  }

  public void write(Incident i) throws IOException {
    IncidentJson.write(i, g, scratch);
    endLine();
  }

  /** An incident whose evidence files are also named by SHA-256 ({@code evidence_files}, docs/evidence.md). */
  public void write(Incident i, java.util.Map<String, String> sha256ByFile) throws IOException {
    IncidentJson.write(i, g, scratch, IncidentJson.evidenceFiles(sha256ByFile));
    endLine();
  }

  /** An incident line with more top-level fields after its own (marking, origins). */
  public void write(Incident i, IncidentJson.ExtraFields extra) throws IOException {
    IncidentJson.write(i, g, scratch, extra);
    endLine();
  }

  public void write(Reject r) throws IOException {
    g.writeStartObject();
    if (r.src() != null) {
      g.writeFieldName("src");
      ObservationJson.writeSource(r.src(), g);
    }
    g.writeStringField("reason", r.reason());
    if (r.excerpt() != null) {
      g.writeStringField("excerpt", r.excerpt());
    }
    g.writeEndObject();
    endLine();
  }

  /**
   * A status line as {@code coverage --status} reads it: {@code {"t":…,"sensor":…,"sign":…,"src":…}}.
   */
  public void write(io.watchline.feed.SensorStatus st) throws IOException {
    g.writeStartObject();
    scratch.setLength(0);
    IsoTime.format(st.t().toEpochMilli(), scratch);
    g.writeStringField("t", scratch.toString());
    g.writeStringField("sensor", st.sensor());
    g.writeStringField("sign", st.sign());
    if (st.src() != null) {
      g.writeFieldName("src");
      ObservationJson.writeSource(st.src(), g);
    }
    g.writeEndObject();
    endLine();
  }

  /** Ends a record written through {@link #generator()}. */
  public void endLine() throws IOException {
    g.writeRaw('\n');
    written++;
  }

  /** Lets a writer serve directly as a reader's reject sink. */
  @Override
  public void reject(Reject r) {
    try {
      write(r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Escape hatch for other record types written with the same conventions. */
  public JsonGenerator generator() {
    return g;
  }

  public long written() {
    return written;
  }

  @Override
  public void flush() throws IOException {
    g.flush();
  }

  @Override
  public void close() throws IOException {
    g.flush();
    if (closeTarget) {
      g.close();
    }
  }
}
