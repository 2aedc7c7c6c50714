package io.watchline.ndjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.IOException;
import java.time.Instant;

/**
 * The canonical observation line, field by field, with Jackson's streaming API (no tree per line).
 * Absent fields are not written. Unknown fields are skipped on read so that newer producers do not
 * break older readers.
 */
public final class ObservationJson {
  private ObservationJson() {}

  public static void write(Observation o, JsonGenerator g, StringBuilder scratch) throws IOException {
    g.writeStartObject();
    scratch.setLength(0);
    IsoTime.format(o.t().toEpochMilli(), scratch);
    g.writeStringField("t", scratch.toString());
    g.writeStringField("kind", o.kind().wireName());
    if (o.sensor() != null) g.writeStringField("sensor", o.sensor());
    if (o.seq() >= 0) g.writeNumberField("seq", o.seq());
    num(g, "lat", o.lat());
    num(g, "lon", o.lon());
    num(g, "range_m", o.rangeM());
    num(g, "bearing_deg", o.bearingDeg());
    if (o.track() != null) g.writeStringField("track", o.track());
    num(g, "speed_mps", o.speedMps());
    num(g, "course_deg", o.courseDeg());
    if (o.cls() != null) g.writeStringField("cls", o.cls());
    num(g, "conf", o.conf());
    if (o.unit() != null) g.writeStringField("unit", o.unit());
    if (o.src() != null) {
      g.writeFieldName("src");
      writeSource(o.src(), g);
    }
    g.writeEndObject();
  }

  public static void writeSource(Source s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (s.file() != null) g.writeStringField("file", s.file());
    if (s.hasOffset()) g.writeNumberField("offset", s.offset());
    if (s.hasLine()) g.writeNumberField("line", s.line());
    g.writeEndObject();
  }

  private static void num(JsonGenerator g, String name, double v) throws IOException {
    if (!Double.isNaN(v)) {
      g.writeNumberField(name, v);
    }
  }

  /**
   * Reads one observation object; the parser must be positioned before its START_OBJECT.
   *
   * @throws BadRecordException with a user-facing reason when the object is not a valid
   *     observation
   */
  public static Observation read(JsonParser p) throws IOException {
    return read(p, null);
  }

  /** As {@link #read(JsonParser)}, with repeated text values (sensor, class, unit) taken from {@code pool} (null: none). */
  static Observation read(JsonParser p, TextPool pool) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new BadRecordException("not a JSON object");
    }
    Instant t = null;
    Kind kind = null;
    String sensor = null, track = null, cls = null, unit = null;
    long seq = -1;
    double lat = Double.NaN, lon = Double.NaN, range = Double.NaN, bearing = Double.NaN;
    double speed = Double.NaN, course = Double.NaN, conf = Double.NaN;
    Source src = null;
    JsonToken tok;
    while ((tok = p.nextToken()) == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken v = p.nextToken();
      if (v == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (f) {
        case "t" -> t = time(p, v);
        case "kind" -> {
          try {
            kind = Kind.fromWire(text(p, v, f));
          } catch (IllegalArgumentException e) {
            throw new BadRecordException(e.getMessage());
          }
        }
        case "sensor" -> sensor = text(p, v, f, pool);
        case "seq" -> seq = sequenceNumber(p, v);
        case "lat" -> lat = number(p, v, f);
        case "lon" -> lon = number(p, v, f);
        case "range_m" -> range = number(p, v, f);
        case "bearing_deg" -> bearing = number(p, v, f);
        case "track" -> track = v.isNumeric() ? p.getText() : text(p, v, f);
        case "speed_mps" -> speed = number(p, v, f);
        case "course_deg" -> course = number(p, v, f);
        case "cls" -> cls = text(p, v, f, pool);
        case "conf" -> conf = number(p, v, f);
        case "unit" -> unit = text(p, v, f, pool);
        case "src" -> src = readSource(p, v);
        default -> p.skipChildren();
      }
    }
    if (tok != JsonToken.END_OBJECT) {
      throw new BadRecordException("malformed JSON object");
    }
    if (p.nextToken() != null) {
      throw new BadRecordException("trailing content after the JSON object");
    }
    if (t == null) throw new BadRecordException("missing field 't' (time)");
    if (kind == null) throw new BadRecordException("missing field 'kind'");
    if (!Double.isNaN(lat) && (lat < -90 || lat > 90)) throw new BadRecordException("lat out of range: " + lat);
    if (!Double.isNaN(lon) && (lon < -180 || lon > 180)) throw new BadRecordException("lon out of range: " + lon);
    if (Double.isNaN(lat) != Double.isNaN(lon)) throw new BadRecordException("lat and lon must come together");
    if (!Double.isNaN(range) && range < 0) throw new BadRecordException("negative range_m: " + range);
    if (!Double.isNaN(conf) && (conf < 0 || conf > 1)) throw new BadRecordException("conf must be within 0..1: " + conf);
    // Fuse computes positions and headings from these: a negative bearing or speed is a broken
    // producer, not a direction.
    if (!Double.isNaN(bearing) && (bearing < 0 || bearing > 360)) throw new BadRecordException("bearing_deg must be within 0..360: " + bearing);
    if (!Double.isNaN(course) && (course < 0 || course > 360)) throw new BadRecordException("course_deg must be within 0..360: " + course);
    if (!Double.isNaN(speed) && speed < 0) throw new BadRecordException("negative speed_mps: " + speed);
    return new Observation(
        t, kind, sensor, seq, lat, lon, range, bearing, track, speed, course, cls, conf, unit, src);
  }

  static Source readSource(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      throw new BadRecordException("'src' must be an object");
    }
    String file = null;
    long offset = Source.ABSENT, line = Source.ABSENT;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken tv = p.nextToken();
      switch (f) {
        case "file" -> file = tv == JsonToken.VALUE_NULL ? null : text(p, tv, "src.file");
        case "offset" -> offset = (long) number(p, tv, "src.offset");
        case "line" -> line = (long) number(p, tv, "src.line");
        default -> p.skipChildren();
      }
    }
    return new Source(file, offset, line);
  }

  static Instant time(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw new BadRecordException("'t' must be an ISO-8601 string");
    }
    String s = p.getText();
    try {
      return IsoTime.parse(s);
    } catch (RuntimeException e) {
      throw new BadRecordException("'t' is not an ISO-8601 time: " + s);
    }
  }

  static String text(JsonParser p, JsonToken v, String field) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw new BadRecordException("'" + field + "' must be a string");
    }
    return p.getText();
  }

  private static String text(JsonParser p, JsonToken v, String field, TextPool pool) throws IOException {
    return pool == null || v != JsonToken.VALUE_STRING ? text(p, v, field) : pool.text(p);
  }

  /** A sequence number is a whole number from 0 up; anything else would not survive a round trip. */
  static long sequenceNumber(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() < 0) {
      throw new BadRecordException("'seq' must be a whole number from 0 to " + Long.MAX_VALUE + ", not " + p.getText());
    }
    return p.getLongValue();
  }

  static double number(JsonParser p, JsonToken v, String field) throws IOException {
    if (v != JsonToken.VALUE_NUMBER_FLOAT && v != JsonToken.VALUE_NUMBER_INT) {
      throw new BadRecordException("'" + field + "' must be a number");
    }
    double d = p.getDoubleValue();
    if (!Double.isFinite(d)) {
      throw new BadRecordException("'" + field + "' is not finite");
    }
    return d;
  }
}
