package io.watchline.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.watchline.fusion.TrackSummary;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.BadRecordException;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.IsoTime;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fused-track line of {@code watchline fuse --tracks}, written ({@link #write}) and read
 * ({@link #read}) here and nowhere else: {@code track} (id), {@code label} ("target" or
 * "patrol"), for patrol tracks {@code patrol_unit}, {@code patrol_distance_m} (1 decimal) and
 * {@code patrol_share} (2 decimals), {@code cls}, {@code radar_hits}, {@code thermal_hits}, {@code
 * speed_mps} (1 decimal), {@code evidence} (count) and {@code points} ({@code [[lon, lat, "t"],
 * …]}). Read back, the summary fields are kept as they come, in order, so a field that fusion adds
 * later is exported without a change to the readers.
 *
 * @param id the track id as text
 * @param properties the summary fields in file order (unmodifiable)
 * @param points the points in time order, at least one (unmodifiable)
 */
public record TrackRecord(String id, Map<String, Object> properties, List<TrackPoint> points) {

  public TrackRecord {
    properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    points = List.copyOf(points);
  }

  /** A patrol's own track (blue force), as opposed to a detected target's. */
  public boolean patrol() {
    return properties.get("patrol_unit") != null;
  }

  public String text(String key) {
    Object v = properties.get(key);
    return v == null ? null : v.toString();
  }

  public Instant start() {
    return points.get(0).t();
  }

  public Instant end() {
    return points.get(points.size() - 1).t();
  }

  /**
   * Writes one fused track as a JSON object (the caller ends the line).
   *
   * @throws IOException from the generator
   */
  public static void write(TrackSummary t, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("track", t.id());
    g.writeStringField("label", t.label());
    if (t.patrolUnit() != null) {
      g.writeStringField("patrol_unit", t.patrolUnit());
      g.writeNumberField("patrol_distance_m", Math.round(t.patrolDistanceM() * 10) / 10.0);
      g.writeNumberField("patrol_share", Math.round(t.patrolShare() * 100) / 100.0);
    }
    g.writeStringField("cls", t.cls());
    g.writeNumberField("radar_hits", t.radarHits());
    g.writeNumberField("thermal_hits", t.thermalHits());
    g.writeNumberField("speed_mps", Math.round(t.speedMps() * 10) / 10.0);
    g.writeNumberField("evidence", t.evidence());
    IncidentJson.writePoints("points", t.points(), g);
    g.writeEndObject();
  }

  /**
   * Reads one track object; the parser must be positioned before its START_OBJECT.
   *
   * @throws BadRecordException when it is not a track object: no {@code track} id, no points, a
   *     point that is not {@code [lon, lat, "ISO time"]} or out of range
   */
  public static TrackRecord read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new BadRecordException("not a JSON object");
    }
    String id = null;
    Map<String, Object> props = new LinkedHashMap<>();
    List<TrackPoint> points = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (f.equals("points")) {
        if (v != JsonToken.START_ARRAY) throw new BadRecordException("'points' must be an array");
        while (p.nextToken() == JsonToken.START_ARRAY) {
          double lon = number(p, p.nextToken());
          double lat = number(p, p.nextToken());
          if (p.nextToken() != JsonToken.VALUE_STRING) throw new BadRecordException("track point must be [lon, lat, \"t\"]");
          Instant t;
          try {
            t = IsoTime.parse(p.getText());
          } catch (RuntimeException e) {
            throw new BadRecordException("track point time is not ISO-8601: " + p.getText());
          }
          if (p.nextToken() != JsonToken.END_ARRAY) throw new BadRecordException("track point must be [lon, lat, \"t\"]");
          if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new BadRecordException("track point out of range: " + lon + ", " + lat);
          points.add(new TrackPoint(lon, lat, t));
        }
        continue;
      }
      Object value = switch (v) {
        case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
        case VALUE_NUMBER_INT -> p.getLongValue();
        case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
        case VALUE_STRING -> p.getText();
        case VALUE_NULL -> null;
        default -> {
          p.skipChildren();
          yield null;
        }
      };
      if (f.equals("track")) {
        id = value == null ? null : value.toString();
      } else if (value != null) {
        props.put(f, value);
      }
    }
    if (id == null) throw new BadRecordException("track without 'track' id");
    if (points.isEmpty()) throw new BadRecordException("track without points");
    return new TrackRecord(id, props, points);
  }

  private static double number(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new BadRecordException("track point must be [lon, lat, \"t\"]");
    }
    return p.getDoubleValue();
  }
}
