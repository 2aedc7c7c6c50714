package io.watchline.ndjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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

  // Field names and kinds as pre-encoded JSON: written as bytes, not escaped and encoded per line.
  private static final SerializableString T = new SerializedString("t");
  private static final SerializableString KIND = new SerializedString("kind");
  private static final SerializableString SENSOR = new SerializedString("sensor");
  private static final SerializableString SEQ = new SerializedString("seq");
  private static final SerializableString LAT = new SerializedString("lat");
  private static final SerializableString LON = new SerializedString("lon");
  private static final SerializableString RANGE = new SerializedString("range_m");
  private static final SerializableString BEARING = new SerializedString("bearing_deg");
  private static final SerializableString TRACK = new SerializedString("track");
  private static final SerializableString SPEED = new SerializedString("speed_mps");
  private static final SerializableString COURSE = new SerializedString("course_deg");
  private static final SerializableString CLS = new SerializedString("cls");
  private static final SerializableString CONF = new SerializedString("conf");
  private static final SerializableString UNIT = new SerializedString("unit");
  private static final SerializableString SRC = new SerializedString("src");
  private static final SerializableString FILE = new SerializedString("file");
  private static final SerializableString OFFSET = new SerializedString("offset");
  private static final SerializableString LINE = new SerializedString("line");
  private static final SerializableString[] KINDS = java.util.Arrays.stream(Kind.values())
      .map(k -> new SerializedString(k.wireName())).toArray(SerializableString[]::new);

  /**
   * Source file names as pre-encoded JSON, each written on every line of its file. Only names of
   * printable ASCII without quote or backslash, whose encoding is the name itself in quotes; a
   * bounded number of them (a long run over many files writes the rest as plain strings).
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, SerializableString> FILES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_FILES = 256;

  public static void write(Observation o, JsonGenerator g, StringBuilder scratch) throws IOException {
    g.writeStartObject();
    scratch.setLength(0);
    IsoTime.format(o.t().toEpochMilli(), scratch);
    g.writeFieldName(T);
    g.writeString(scratch.toString());
    g.writeFieldName(KIND);
    g.writeString(KINDS[o.kind().ordinal()]);
    if (o.sensor() != null) {
      g.writeFieldName(SENSOR);
      g.writeString(o.sensor());
    }
    if (o.seq() >= 0) {
      g.writeFieldName(SEQ);
      g.writeNumber(o.seq());
    }
    num(g, LAT, o.lat());
    num(g, LON, o.lon());
    num(g, RANGE, o.rangeM());
    num(g, BEARING, o.bearingDeg());
    if (o.track() != null) {
      g.writeFieldName(TRACK);
      g.writeString(o.track());
    }
    num(g, SPEED, o.speedMps());
    num(g, COURSE, o.courseDeg());
    if (o.cls() != null) {
      g.writeFieldName(CLS);
      g.writeString(o.cls());
    }
    num(g, CONF, o.conf());
    if (o.unit() != null) {
      g.writeFieldName(UNIT);
      g.writeString(o.unit());
    }
    if (o.src() != null) {
      g.writeFieldName(SRC);
      writeSource(o.src(), g);
    }
    g.writeEndObject();
  }

  public static void writeSource(Source s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    if (s.file() != null) {
      g.writeFieldName(FILE);
      SerializableString name = fileName(s.file());
      if (name != null) {
        g.writeString(name);
      } else {
        g.writeString(s.file());
      }
    }
    if (s.hasOffset()) {
      g.writeFieldName(OFFSET);
      g.writeNumber(s.offset());
    }
    if (s.hasLine()) {
      g.writeFieldName(LINE);
      g.writeNumber(s.line());
    }
    g.writeEndObject();
  }

  /** The cached encoding of a file name, or null when it needs escaping or the cache is full. */
  private static SerializableString fileName(String file) {
    SerializableString cached = FILES.get(file);
    if (cached != null || FILES.size() >= MAX_FILES) {
      return cached;
    }
    for (int i = 0; i < file.length(); i++) {
      char c = file.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return null;
      }
    }
    SerializableString encoded = new SerializedString(file);
    FILES.putIfAbsent(file, encoded);
    return encoded;
  }

  private static void num(JsonGenerator g, SerializableString name, double v) throws IOException {
    if (!Double.isNaN(v)) {
      g.writeFieldName(name);
      g.writeNumber(v);
    }
  }

  /**
   * Reads one observation object; the parser must be positioned before its START_OBJECT.
   *
   * @throws BadRecordException with a user-facing reason when the object is not a valid
   *     observation
   */
  public static Observation read(JsonParser p) throws IOException {
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
        case "sensor" -> sensor = text(p, v, f);
        case "seq" -> seq = sequenceNumber(p, v);
        case "lat" -> lat = number(p, v, f);
        case "lon" -> lon = number(p, v, f);
        case "range_m" -> range = number(p, v, f);
        case "bearing_deg" -> bearing = number(p, v, f);
        case "track" -> track = v.isNumeric() ? p.getText() : text(p, v, f);
        case "speed_mps" -> speed = number(p, v, f);
        case "course_deg" -> course = number(p, v, f);
        case "cls" -> cls = text(p, v, f);
        case "conf" -> conf = number(p, v, f);
        case "unit" -> unit = text(p, v, f);
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
