package io.watchline.feed.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.feed.FeedException;
import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.watchline.ndjson.LineReader;

/**
 * Generic radar, thermal and patrol exports as CSV (comma, semicolon or tab, detected from the
 * header) or as NDJSON with non-canonical field names. The header names the columns; each known
 * name (and its aliases, see {@link Field}) maps to one observation field, unknown columns are
 * ignored. A row with the wrong column count, an unreadable time or number, or no position at all
 * is rejected with its line. Quoted CSV fields may contain the delimiter but not line breaks.
 */
public final class ExportReader implements FeedReader {
  /** Canonical fields and the header names that map to them. */
  enum Field {
    T("t", "time", "timestamp", "utc", "datetime", "date_time", "time_utc"),
    KIND("kind", "sensor_kind", "source_kind"),
    SENSOR("sensor", "sensor_id", "site", "site_id", "camera", "radar", "device"),
    LAT("lat", "latitude"),
    LON("lon", "lng", "long", "longitude"),
    RANGE("range_m", "range", "distance_m", "distance"),
    BEARING("bearing_deg", "bearing", "azimuth", "azimuth_deg"),
    TRACK("track", "track_id", "target_id", "object_id", "id"),
    SPEED("speed_mps", "speed", "velocity"),
    COURSE("course_deg", "course", "heading", "heading_deg"),
    CLS("cls", "class", "classification", "category", "label"),
    CONF("conf", "confidence", "score", "likelihood", "probability"),
    UNIT("unit", "unit_id", "patrol", "callsign"),
    BBOX_X("bbox_cx", "bbox_x", "box_x", "image_x");

    final String[] names;

    Field(String... names) {
      this.names = names;
    }

    static Field of(String header) {
      String h = header.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      for (Field f : values()) {
        for (String n : f.names) {
          if (n.equals(h)) {
            return f;
          }
        }
      }
      return null;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LineReader lines;
  private final String file;
  private final String sensorOption;
  private final SiteRegistry sites;
  private final RejectSink rejects;
  private final ReadStats stats;
  private final boolean ndjson;
  private char delimiter;
  private Field[] columns;
  private long seq;
  private final ExportRow row = new ExportRow();
  /** The last sensor name and site seen, so a file of one sensor makes neither again per row. */
  private String lastSensor;
  private Site lastSite;
  private final String[] trackNames = new String[4096];
  private String trackNamesSensor;

  public ExportReader(InputStream in, String file, boolean ndjson, String sensor, SiteRegistry sites,
      RejectSink rejects) throws IOException {
    this.lines = new LineReader(in, 1 << 16);
    this.file = file;
    this.ndjson = ndjson;
    this.sensorOption = sensor;
    this.sites = sites;
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    stats.format(ndjson ? "ndjson export" : "csv");
  }

  @Override
  public Observation next() throws IOException {
    while (lines.next()) {
      stats.bytes(lines.position());
      Source src = Source.atLine(file, lines.offset(), lines.lineNumber());
      if (lines.overlong()) {
        reject(src, "line longer than " + lines.maxLine() + " bytes");
        continue;
      }
      if (lines.blank()) {
        stats.skipped("blank line");
        continue;
      }
      String line = lines.text();
      if (!ndjson && columns == null) {
        header(line);
        stats.skipped("header line");
        continue;
      }
      if (!ndjson && line.startsWith("#")) {
        stats.skipped("comment line");
        continue;
      }
      row.start(line);
      String problem = ndjson ? fromJson(line) : row.fromCsv(line, delimiter, columns);
      if (problem != null) {
        reject(src, problem);
        continue;
      }
      try {
        Observation o = build(src);
        stats.emitted();
        return o;
      } catch (IllegalArgumentException e) {
        reject(src, e.getMessage());
      }
    }
    stats.bytes(lines.position());
    return null;
  }

  private void header(String line) throws FeedException {
    int commas = count(line, ',');
    int semis = count(line, ';');
    int tabs = count(line, '\t');
    delimiter = tabs > commas && tabs > semis ? '\t' : semis > commas ? ';' : ',';
    List<String> names = ExportRow.split(line, delimiter);
    if (names == null) {
      throw new FeedException(file + ": CSV header has an unterminated quoted field");
    }
    columns = new Field[names.size()];
    boolean hasTime = false;
    for (int i = 0; i < names.size(); i++) {
      columns[i] = Field.of(names.get(i).replace("\"", ""));
      hasTime |= columns[i] == Field.T;
    }
    if (!hasTime) {
      throw new FeedException(file + ": CSV header has no time column (t, time, timestamp, …): " + line);
    }
  }

  private String fromJson(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (IOException e) {
      return "invalid JSON";
    }
    if (n == null || !n.isObject()) {
      return "line is not a JSON object";
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      Field f = Field.of(e.getKey());
      if (f != null && !e.getValue().isNull()) {
        row.set(f, e.getValue().asText());
      }
    }
    return null;
  }

  private Observation build(Source src) {
    if (!row.has(Field.T)) {
      throw new IllegalArgumentException("no time");
    }
    Instant t = row.time();
    String sensor = row.has(Field.SENSOR) ? sensor() : sensorOption;
    String unit = row.text(Field.UNIT);
    double lat = num(Field.LAT);
    double lon = num(Field.LON);
    double range = nonNegative(Field.RANGE);
    double bearing = angle(Field.BEARING);
    double bboxX = num(Field.BBOX_X);
    Kind kind = kind(unit, range, bboxX);
    Site site = sensor == null ? null : sensor == lastSensor ? lastSite : sites.byId(sensor);
    if (site != null) {
      t = t.plusMillis(site.clockOffsetMs());
    }
    if (Double.isNaN(bearing) && !Double.isNaN(bboxX) && site != null && site.fovDeg() < 360) {
      if (bboxX < -1 || bboxX > 1) {
        throw new IllegalArgumentException("bbox x " + bboxX + " is outside -1..1");
      }
      bearing = site.bearingOfImageX(bboxX);
    }
    if (Double.isNaN(lat) != Double.isNaN(lon)) {
      throw new IllegalArgumentException("lat and lon must come together");
    }
    if (!Double.isNaN(lat) && (Math.abs(lat) > 90 || Math.abs(lon) > 180)) {
      throw new IllegalArgumentException("lat/lon out of range");
    }
    if (Double.isNaN(lat) && !Double.isNaN(range) && !Double.isNaN(bearing) && site != null) {
      Geodesy.LatLon ll = site.place(range, bearing);
      lat = ll.lat();
      lon = ll.lon();
    }
    if (Double.isNaN(lat) && Double.isNaN(bearing)) {
      throw new IllegalArgumentException("no position: neither lat/lon nor a bearing"
          + (Double.isNaN(bboxX) ? "" : " (bbox x needs a known camera site with fov_deg)"));
    }
    double conf = num(Field.CONF);
    if (!Double.isNaN(conf) && (conf < 0 || conf > 1)) {
      conf = conf > 1 && conf <= 100 ? conf / 100 : Double.NaN;
    }
    String track = track(sensor);
    String cls = row.text(Field.CLS);
    // the record's constructor, not the builder: one object per row on this hot path (same order)
    return new Observation(t, kind, kind == Kind.PATROL && sensor == null ? unit : sensor, seq++, lat, lon, range,
        bearing, track, nonNegative(Field.SPEED), angle(Field.COURSE), cls == null ? null : cls.toLowerCase(Locale.ROOT),
        conf, unit, src);
  }

  private Kind kind(String unit, double range, double bboxX) {
    String k = row.text(Field.KIND);
    if (k != null) {
      try {
        return Kind.fromWire(k.trim().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("kind must be radar, thermal or patrol, not '" + k + "'");
      }
    }
    if (unit != null) {
      return Kind.PATROL;
    }
    if (!Double.isNaN(bboxX) || row.has(Field.CLS) && Double.isNaN(range)) {
      return Kind.THERMAL;
    }
    return Kind.RADAR;
  }

  /**
   * A bearing or course, normalised to 0..360 (exports use -180..180 too). Anything beyond one
   * turn is a broken field: the canonical record, and fuse reading it back, only take 0..360.
   */
  private double angle(Field f) {
    double d = num(f);
    if (Double.isNaN(d)) {
      return d;
    }
    if (d < -360 || d > 360) {
      throw new IllegalArgumentException(f.names[0] + " " + d + " is outside -360..360");
    }
    return (d % 360 + 360) % 360;
  }

  private double nonNegative(Field f) {
    double d = num(f);
    if (d < 0) {
      throw new IllegalArgumentException(f.names[0] + " " + d + " is negative");
    }
    return d;
  }

  private double num(Field f) {
    if (!row.has(f)) {
      return Double.NaN;
    }
    try {
      double d = row.number(f);
      if (Double.isInfinite(d) || Double.isNaN(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(f.names[0] + " '" + row.text(f) + "' is not a number");
    }
  }

  /** The sensor column's text, the same String as the row before when it did not change. */
  private String sensor() {
    if (lastSensor != null && row.is(Field.SENSOR, lastSensor)) {
      return lastSensor;
    }
    lastSensor = row.text(Field.SENSOR);
    lastSite = sites.byId(lastSensor);
    return lastSensor;
  }

  /** "sensor/track" unless the track names its sensor; numeric tracks below 4096 are named once. */
  private String track(String sensor) {
    int n = sensor == null ? -1 : row.smallNumber(Field.TRACK);
    if (n >= 0 && n < trackNames.length) { // read in place: no text made for a name already made
      if (sensor != trackNamesSensor) {
        trackNamesSensor = sensor;
        java.util.Arrays.fill(trackNames, null);
      }
      String name = trackNames[n];
      if (name == null) {
        name = sensor + "/" + n;
        trackNames[n] = name;
      }
      return name;
    }
    String track = row.text(Field.TRACK);
    if (track == null || sensor == null || track.contains("/")) {
      return track;
    }
    return sensor + "/" + track;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private void reject(Source src, String reason) {
    stats.rejected();
    rejects.reject(new Reject(src, reason, lines.excerpt()));
  }

  @Override
  public ReadStats stats() {
    return stats;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
