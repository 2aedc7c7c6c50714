package io.watchline.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.BadRecordException;
import io.watchline.ndjson.IsoTime;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fused track as {@code watchline fuse --tracks} writes it: {@code track} (id), {@code points}
 * ({@code [[lon, lat, "t"], …]}) and summary fields ({@code label}, {@code cls}, {@code
 * patrol_unit}, hit counts, …). The summary fields are kept as they come, in order, so a field that
 * fusion adds later is exported without a change here.
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

  /** Reads one track object; the parser must be positioned before its START_OBJECT. */
  static TrackRecord read(JsonParser p) throws IOException {
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
