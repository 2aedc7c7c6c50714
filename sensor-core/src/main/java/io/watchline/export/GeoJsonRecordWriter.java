package io.watchline.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.incident.Incident;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.IsoTime;
import io.watchline.ndjson.Json;
import io.watchline.ndjson.ObservationJson;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * RFC 7946 GeoJSON, streamed: a FeatureCollection is written as header, one feature per line, and
 * footer, so memory stays flat; in sequence mode (RFC 8142) every feature is its own text,
 * prefixed by the record separator 0x1E and ended by a line feed. Coordinates are [lon, lat], no
 * {@code crs} member. An incident is a Point feature at its representative position; with {@code
 * tracks} its track also becomes a LineString feature ({@code "record":"track"}) right after it.
 * An observation without a position keeps its row as a feature with a null geometry. A fused track
 * record becomes a LineString feature with {@code "record":"track"} and its summary fields.
 */
public final class GeoJsonRecordWriter implements RecordWriter {
  private static final byte RS = 0x1E;

  private final OutputStream out;
  private final JsonGenerator g;
  private final boolean sequence;
  private final boolean tracks;
  private long features;

  public GeoJsonRecordWriter(OutputStream out, boolean sequence, boolean tracks) throws IOException {
    this.out = out;
    this.sequence = sequence;
    this.tracks = tracks;
    this.g = Json.FACTORY.createGenerator(out);
    g.setRootValueSeparator(null);
    if (!sequence) {
      g.writeRaw("{\"type\":\"FeatureCollection\",\"features\":[\n");
    }
  }

  @Override
  public void write(CanonicalRecord r) throws IOException {
    if (r instanceof CanonicalRecord.Obs o) {
      observation(o.observation());
    } else if (r instanceof CanonicalRecord.Inc i) {
      incident(i.incident());
    } else if (r instanceof CanonicalRecord.Trk t) {
      fusedTrack(t.track());
    }
  }

  /** A fused track: a LineString (a Point while it has one fix) with its summary fields. */
  private void fusedTrack(TrackRecord t) throws IOException {
    begin();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", "track/" + t.id());
    g.writeFieldName("geometry");
    if (t.points().size() == 1) {
      point(t.points().get(0).lon(), t.points().get(0).lat());
    } else {
      lineString(t.points());
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("record", "track");
    g.writeStringField("track", t.id());
    for (Map.Entry<String, Object> e : t.properties().entrySet()) {
      g.writeFieldName(e.getKey());
      scalar(e.getValue());
    }
    g.writeStringField("start", IsoTime.format(t.start()));
    g.writeStringField("end", IsoTime.format(t.end()));
    g.writeArrayFieldStart("times");
    for (TrackPoint p : t.points()) {
      g.writeString(IsoTime.format(p.t()));
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    end();
  }

  private void begin() throws IOException {
    if (sequence) {
      g.flush();
      out.write(RS);
    } else if (features > 0) {
      g.writeRaw(",\n");
    }
    features++;
  }

  private void end() throws IOException {
    if (sequence) {
      g.writeRaw('\n');
    }
  }

  private void observation(Observation o) throws IOException {
    begin();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeFieldName("geometry");
    if (o.hasPosition()) {
      point(o.lon(), o.lat());
    } else {
      g.writeNull();
    }
    g.writeFieldName("properties");
    g.writeStartObject();
    g.writeStringField("record", "observation");
    g.writeStringField("t", IsoTime.format(o.t()));
    g.writeStringField("kind", o.kind().wireName());
    text("sensor", o.sensor());
    if (o.seq() >= 0) g.writeNumberField("seq", o.seq());
    num("range_m", o.rangeM());
    num("bearing_deg", o.bearingDeg());
    text("track", o.track());
    num("speed_mps", o.speedMps());
    num("course_deg", o.courseDeg());
    text("cls", o.cls());
    num("conf", o.conf());
    text("unit", o.unit());
    if (o.src() != null) {
      g.writeFieldName("src");
      ObservationJson.writeSource(o.src(), g);
    }
    g.writeEndObject();
    g.writeEndObject();
    end();
  }

  private void incident(Incident i) throws IOException {
    begin();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", i.id());
    g.writeFieldName("geometry");
    point(i.lon(), i.lat());
    g.writeFieldName("properties");
    g.writeStartObject();
    g.writeStringField("record", "incident");
    g.writeStringField("id", i.id());
    g.writeStringField("kind", i.kind().wireName());
    g.writeStringField("start", IsoTime.format(i.start()));
    g.writeStringField("end", IsoTime.format(i.end()));
    text("sector", i.sector());
    text("side", i.side());
    num("score", i.score());
    g.writeObjectFieldStart("factors");
    for (Map.Entry<String, Object> e : i.factors().entrySet()) {
      g.writeFieldName(e.getKey());
      scalar(e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("track_points", i.track().size());
    g.writeNumberField("evidence_count", i.evidence().size());
    g.writeArrayFieldStart("evidence");
    for (Source s : i.evidence()) {
      ObservationJson.writeSource(s, g);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    end();
    if (tracks && i.track().size() >= 2) {
      track(i);
    }
  }

  private void track(Incident i) throws IOException {
    begin();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", i.id() + "/track");
    g.writeFieldName("geometry");
    lineString(i.track());
    g.writeObjectFieldStart("properties");
    g.writeStringField("record", "track");
    g.writeStringField("incident_id", i.id());
    g.writeStringField("kind", i.kind().wireName());
    g.writeStringField("start", IsoTime.format(i.track().get(0).t()));
    g.writeStringField("end", IsoTime.format(i.track().get(i.track().size() - 1).t()));
    g.writeArrayFieldStart("times");
    for (TrackPoint p : i.track()) {
      g.writeString(IsoTime.format(p.t()));
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    end();
  }

  private void lineString(List<TrackPoint> points) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "LineString");
    g.writeArrayFieldStart("coordinates");
    for (TrackPoint p : points) {
      g.writeStartArray();
      g.writeNumber(p.lon());
      g.writeNumber(p.lat());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void point(double lon, double lat) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Point");
    g.writeArrayFieldStart("coordinates");
    g.writeNumber(lon);
    g.writeNumber(lat);
    g.writeEndArray();
    g.writeEndObject();
  }

  private void text(String name, String v) throws IOException {
    if (v != null) g.writeStringField(name, v);
  }

  private void num(String name, double v) throws IOException {
    if (!Double.isNaN(v)) g.writeNumberField(name, v);
  }

  private void scalar(Object v) throws IOException {
    if (v == null) g.writeNull();
    else if (v instanceof Boolean b) g.writeBoolean(b);
    else if (v instanceof Integer || v instanceof Long) g.writeNumber(((Number) v).longValue());
    else if (v instanceof Number n) g.writeNumber(n.doubleValue());
    else g.writeString(v.toString());
  }

  public long features() {
    return features;
  }

  @Override
  public void finish() throws IOException {
    if (!sequence) {
      g.writeRaw(features > 0 ? "\n]}\n" : "]}\n");
    }
    g.flush();
  }

  @Override
  public void close() throws IOException {
    g.flush();
  }
}
