package io.watchline.ndjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Source;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The canonical incident-candidate line, written and read with Jackson's streaming API. */
public final class IncidentJson {
  private IncidentJson() {}

  /** More top-level fields, written after the incident's own (shared and joint incidents add theirs). */
  @FunctionalInterface
  public interface ExtraFields {
    void write(JsonGenerator g) throws IOException;
  }

  public static void write(Incident i, JsonGenerator g, StringBuilder scratch) throws IOException {
    write(i, g, scratch, null);
  }

  /** As {@link #write(Incident, JsonGenerator, StringBuilder)}, then {@code extra} (may be null). */
  public static void write(Incident i, JsonGenerator g, StringBuilder scratch, ExtraFields extra) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", i.id());
    g.writeStringField("start", IsoTime.format(i.start()));
    g.writeStringField("end", IsoTime.format(i.end()));
    g.writeNumberField("lat", i.lat());
    g.writeNumberField("lon", i.lon());
    if (i.sector() != null) g.writeStringField("sector", i.sector());
    if (i.side() != null) g.writeStringField("side", i.side());
    g.writeStringField("kind", i.kind().wireName());
    g.writeNumberField("score", i.score());
    g.writeObjectFieldStart("factors");
    for (Map.Entry<String, Object> e : i.factors().entrySet()) {
      g.writeFieldName(e.getKey());
      writeScalar(g, e.getValue());
    }
    g.writeEndObject();
    writePoints("track", i.track(), g);
    g.writeArrayFieldStart("evidence");
    for (Source s : i.evidence()) {
      ObservationJson.writeSource(s, g);
    }
    g.writeEndArray();
    if (extra != null) {
      extra.write(g);
    }
    g.writeEndObject();
  }

  /**
   * {@code evidence_files}: each file the evidence names with its SHA-256, so the link to the raw
   * records survives moving or renaming the files; null (nothing to add) for an empty map.
   */
  public static ExtraFields evidenceFiles(Map<String, String> sha256ByFile) {
    if (sha256ByFile == null || sha256ByFile.isEmpty()) {
      return null;
    }
    return g -> {
      g.writeArrayFieldStart("evidence_files");
      for (Map.Entry<String, String> e : sha256ByFile.entrySet()) {
        g.writeStartObject();
        g.writeStringField("file", e.getKey());
        if (e.getValue() != null) g.writeStringField("sha256", e.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
    };
  }

  /**
   * Writes a field of track points as {@code "name":[[lon, lat, "ISO time"], …]}: the one point
   * form of incident tracks and fused tracks.
   */
  public static void writePoints(String name, List<TrackPoint> points, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart(name);
    for (TrackPoint p : points) {
      g.writeStartArray();
      g.writeNumber(p.lon());
      g.writeNumber(p.lat());
      g.writeString(IsoTime.format(p.t()));
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private static void writeScalar(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else {
      g.writeString(v.toString());
    }
  }

  /** Reads one incident object; the parser must be positioned before its START_OBJECT. */
  public static Incident read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new BadRecordException("not a JSON object");
    }
    String id = null, sector = null, side = null;
    Instant start = null, end = null;
    double lat = Double.NaN, lon = Double.NaN, score = Double.NaN;
    IncidentKind kind = null;
    Map<String, Object> factors = new LinkedHashMap<>();
    List<TrackPoint> track = new ArrayList<>();
    List<Source> evidence = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (f) {
        case "id" -> id = ObservationJson.text(p, v, f);
        case "start" -> start = ObservationJson.time(p, v);
        case "end" -> end = ObservationJson.time(p, v);
        case "lat" -> lat = ObservationJson.number(p, v, f);
        case "lon" -> lon = ObservationJson.number(p, v, f);
        case "sector" -> sector = ObservationJson.text(p, v, f);
        case "side" -> side = ObservationJson.text(p, v, f);
        case "score" -> score = ObservationJson.number(p, v, f);
        case "kind" -> {
          try {
            kind = IncidentKind.fromWire(ObservationJson.text(p, v, f));
          } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage());
          }
        }
        case "factors" -> readFactors(p, v, factors);
        case "track" -> readTrack(p, v, track);
        case "evidence" -> {
          if (v != JsonToken.START_ARRAY) throw new BadRecordException("'evidence' must be an array");
          JsonToken e;
          while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            evidence.add(ObservationJson.readSource(p, e));
          }
        }
        default -> p.skipChildren();
      }
    }
    if (id == null || start == null || end == null || kind == null || Double.isNaN(lat) || Double.isNaN(lon)) {
      throw new BadRecordException("incident needs id, start, end, kind, lat and lon");
    }
    return new Incident(id, start, end, lat, lon, sector, side, kind, score, factors, track, evidence);
  }

  private static void readFactors(JsonParser p, JsonToken v, Map<String, Object> out) throws IOException {
    if (v != JsonToken.START_OBJECT) throw new BadRecordException("'factors' must be an object");
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      JsonToken t = p.nextToken();
      switch (t) {
        case VALUE_TRUE, VALUE_FALSE -> out.put(k, p.getBooleanValue());
        case VALUE_NUMBER_INT -> out.put(k, p.getLongValue());
        case VALUE_NUMBER_FLOAT -> out.put(k, p.getDoubleValue());
        case VALUE_STRING -> out.put(k, p.getText());
        case VALUE_NULL -> out.put(k, null);
        default -> p.skipChildren();
      }
    }
  }

  private static void readTrack(JsonParser p, JsonToken v, List<TrackPoint> out) throws IOException {
    if (v != JsonToken.START_ARRAY) throw new BadRecordException("'track' must be an array");
    while (p.nextToken() == JsonToken.START_ARRAY) {
      double lon = ObservationJson.number(p, p.nextToken(), "track[].lon");
      double lat = ObservationJson.number(p, p.nextToken(), "track[].lat");
      Instant t = ObservationJson.time(p, p.nextToken());
      if (p.nextToken() != JsonToken.END_ARRAY) throw new BadRecordException("track point must be [lon, lat, t]");
      out.add(new TrackPoint(lon, lat, t));
    }
  }
}
