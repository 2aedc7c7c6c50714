package io.watchline.export;

import io.watchline.incident.Incident;
import io.watchline.observation.Observation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV with a header and one row per record, observations and incidents alike (the
 * {@code record} column tells them apart; columns a record type lacks stay empty). Evidence and
 * factors are joined with {@code "; "} into one cell; an observation's evidence is its own source.
 * A fused track's row has its last position, its time span and its summary fields in {@code
 * factors}.
 */
public final class CsvRecordWriter implements RecordWriter {
  public static final List<String> COLUMNS =
      List.of(
          "record", "id", "kind", "time", "start", "end", "lat", "lon", "sector", "side", "score",
          "factors", "sensor", "seq", "range_m", "bearing_deg", "track", "speed_mps", "course_deg",
          "cls", "conf", "unit", "track_points", "evidence_count", "evidence");

  private final Writer w;
  private final String[] row = new String[COLUMNS.size()];

  public CsvRecordWriter(OutputStream out) throws IOException {
    this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    writeRow(COLUMNS.toArray(String[]::new));
  }

  @Override
  public void write(CanonicalRecord r) throws IOException {
    java.util.Arrays.fill(row, "");
    if (r instanceof CanonicalRecord.Obs o) {
      observation(o.observation());
    } else if (r instanceof CanonicalRecord.Inc i) {
      incident(i.incident());
    } else if (r instanceof CanonicalRecord.Trk t) {
      fusedTrack(t.track());
    }
    writeRow(row);
  }

  private void observation(Observation o) {
    set("record", "observation");
    set("kind", o.kind().wireName());
    set("time", ExportFields.time(o.t()));
    set("lat", ExportFields.number(o.lat()));
    set("lon", ExportFields.number(o.lon()));
    set("sensor", o.sensor());
    set("seq", o.seq() >= 0 ? Long.toString(o.seq()) : "");
    set("range_m", ExportFields.number(o.rangeM()));
    set("bearing_deg", ExportFields.number(o.bearingDeg()));
    set("track", o.track());
    set("speed_mps", ExportFields.number(o.speedMps()));
    set("course_deg", ExportFields.number(o.courseDeg()));
    set("cls", o.cls());
    set("conf", ExportFields.number(o.conf()));
    set("unit", o.unit());
    set("evidence_count", o.src() == null ? "0" : "1");
    set("evidence", ExportFields.source(o.src()));
  }

  private void incident(Incident i) {
    set("record", "incident");
    set("id", i.id());
    set("kind", i.kind().wireName());
    set("start", ExportFields.time(i.start()));
    set("end", ExportFields.time(i.end()));
    set("lat", ExportFields.number(i.lat()));
    set("lon", ExportFields.number(i.lon()));
    set("sector", i.sector());
    set("side", i.side());
    set("score", ExportFields.number(i.score()));
    set("factors", ExportFields.factors(i.factors()));
    set("track_points", Integer.toString(i.track().size()));
    set("evidence_count", Integer.toString(i.evidence().size()));
    set("evidence", ExportFields.evidence(i.evidence()));
  }

  /** A fused track: its last position, its time span, and the summary fields as factors. */
  private void fusedTrack(TrackRecord t) {
    set("record", "track");
    set("id", t.id());
    set("start", ExportFields.time(t.start()));
    set("end", ExportFields.time(t.end()));
    var last = t.points().get(t.points().size() - 1);
    set("lat", ExportFields.number(last.lat()));
    set("lon", ExportFields.number(last.lon()));
    set("track", t.text("label"));
    set("cls", t.text("cls"));
    set("unit", t.text("patrol_unit"));
    Object speed = t.properties().get("speed_mps");
    set("speed_mps", speed == null ? "" : speed.toString());
    set("factors", ExportFields.factors(t.properties()));
    set("track_points", Integer.toString(t.points().size()));
  }

  private void set(String column, String value) {
    row[COLUMNS.indexOf(column)] = value == null ? "" : value;
  }

  private void writeRow(String[] cells) throws IOException {
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) w.write(',');
      writeCell(cells[c]);
    }
    w.write("\r\n");
  }

  /**
   * Quotes only when needed. A text that a spreadsheet would run as a formula (a leading = + - @,
   * tab or carriage return, and not a number) gets a leading apostrophe: sensor names, units and
   * file names come from field equipment and may be hostile, and analysts open these files in
   * spreadsheets. Numbers, negative ones included, stay as they are.
   */
  private void writeCell(String v) throws IOException {
    if (looksLikeFormula(v)) {
      v = "'" + v;
    }
    boolean quote = false;
    for (int k = 0; k < v.length() && !quote; k++) {
      char ch = v.charAt(k);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      w.write(v);
      return;
    }
    w.write('"');
    w.write(v.replace("\"", "\"\""));
    w.write('"');
  }

  static boolean looksLikeFormula(String v) {
    if (v.isEmpty() || "=+-@\t\r".indexOf(v.charAt(0)) < 0) {
      return false;
    }
    try {
      Double.parseDouble(v);
      return v.charAt(0) == '=' || v.charAt(0) == '@'; // "-12.5" is a number, "=1" is not
    } catch (NumberFormatException e) {
      return true;
    }
  }

  @Override
  public void finish() throws IOException {
    w.flush();
  }

  @Override
  public void close() throws IOException {
    w.flush();
  }
}
