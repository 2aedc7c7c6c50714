package io.watchline.feed.nmea;

import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.IsoTime;
import io.watchline.ndjson.LineReader;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;

/**
 * Patrol fixes from NMEA 0183: RMC and GGA from any talker (GP, GN, GL, GA, GB, BD …), one fix per
 * receiver epoch. Checksums are verified; invalid fixes (RMC status V, GGA quality 0) are rejected.
 * GGA carries no date: it takes the date of the latest RMC (or {@code --date}), with midnight
 * rollover. A GGA that arrives before any RMC waits for the next RMC's date. Comment lines
 * ({@code #}), AIS ({@code !}) and other sentences are skipped with a count.
 */
public final class NmeaReader implements FeedReader {
  static final double KNOT_MPS = 1852.0 / 3600.0;

  private final LineReader lines;
  private final String file;
  private final String unit;
  private final RejectSink rejects;
  private final ReadStats stats;
  private final ArrayDeque<Observation> out = new ArrayDeque<>(2);

  /** Epoch day of the latest known date, and the time of day (ms) it was seen at; -1 if none. */
  private long dateDay = -1;
  private long dateTodMs;
  /** The time field of the latest fix emitted: a fix with the same text is the same receiver epoch. */
  private final NmeaFields.Text lastEpoch = new NmeaFields.Text();
  private final NmeaFields f = new NmeaFields();
  private Pending pending;
  private long seq;

  /** A dated-later GGA fix: its time of day and time text, where it was, and its line for a reject. */
  private record Pending(double lat, double lon, long todMs, String epoch, Source src, String excerpt) {}

  public NmeaReader(InputStream in, String file, String unit, LocalDate date, RejectSink rejects) {
    this.lines = new LineReader(in, 4096);
    this.file = file;
    this.unit = unit;
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    stats.format("nmea");
    if (date != null) {
      dateDay = date.toEpochDay();
      dateTodMs = 0;
    }
  }

  @Override
  public Observation next() throws IOException {
    while (out.isEmpty()) {
      if (!lines.next()) {
        stats.bytes(lines.position());
        if (pending != null) {
          rejectPending("GGA without date: no RMC in the file after it; give --date");
        }
        return out.poll();
      }
      readLine();
    }
    return out.poll();
  }

  private void readLine() {
    if (lines.overlong()) {
      reject(src(), "line longer than " + lines.maxLine() + " bytes (" + lines.lineBytes() + ")");
      return;
    }
    if (lines.blank()) {
      stats.skipped("blank line");
      return;
    }
    byte[] b = lines.bytes();
    int len = lines.length();
    int start = 0;
    while (start < len && (b[start] == ' ' || b[start] == '\t')) {
      start++;
    }
    byte first = b[start];
    if (first == '#') {
      stats.skipped("comment line");
      return;
    }
    if (first == '!') {
      stats.skipped("ais sentence (!)");
      return;
    }
    if (first != '$') {
      reject(src(), "not an NMEA sentence (does not start with $)");
      return;
    }
    int end = len;
    while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    int star = -1;
    for (int i = end - 1; i > start && i >= end - 4; i--) {
      if (b[i] == '*') {
        star = i;
        break;
      }
    }
    if (star < 0 || star + 3 != end) {
      reject(src(), "missing checksum (*hh)");
      return;
    }
    int sum = f.split(b, start + 1, star); // cut at the commas in the same pass as the checksum
    int given = hex(b[star + 1]) << 4 | hex(b[star + 2]);
    if (hex(b[star + 1]) < 0 || hex(b[star + 2]) < 0) {
      reject(src(), "checksum is not hexadecimal");
      return;
    }
    if (sum != given) {
      reject(src(), String.format("bad checksum: computed %02X, sentence says %02X", sum, given));
      return;
    }
    int addressLength = f.end(0) - f.start(0);
    if (addressLength != 5 || b[start + 1] == 'P') {
      String address = f.text(0);
      stats.skipped("nmea sentence not used (" + (address.startsWith("P") ? "proprietary" : address) + ")");
      return;
    }
    int t = start + 3;
    if (b[t] == 'R' && b[t + 1] == 'M' && b[t + 2] == 'C') {
      rmc();
    } else if (b[t] == 'G' && b[t + 1] == 'G' && b[t + 2] == 'A') {
      gga();
    } else {
      stats.skipped("nmea sentence not used (" + f.text(0).substring(2) + ")");
    }
  }

  /** Where the current line is, made only for what is emitted or rejected. */
  private Source src() {
    return Source.atLine(file, lines.offset(), lines.lineNumber());
  }

  private void rmc() {
    if (f.count() < 10) {
      reject(src(), "RMC has " + f.count() + " fields, expected at least 10");
      return;
    }
    long tod = f.time(1);
    long day = f.date(9);
    if (tod >= 0 && day >= 0) {
      // The receiver's date is good even when the fix is not: later GGAs may use it.
      dateDay = day;
      dateTodMs = tod;
    }
    double lat = f.coord(3, 4, 'N', 'S', 2, 90);
    double lon = f.coord(5, 6, 'E', 'W', 3, 180);
    boolean active = f.is(2, 'A');
    boolean valid = tod >= 0 && day >= 0 && active && !Double.isNaN(lat) && !Double.isNaN(lon);
    if (pending != null && dateDay >= 0) {
      if (valid && f.equals(1, pending.epoch)) {
        pending = null;
        stats.skipped("same epoch as another fix (GGA)");
      } else {
        flushPending();
      }
    }
    if (tod < 0) {
      reject(src(), "RMC time '" + f.text(1) + "' is not hhmmss[.ss]");
      return;
    }
    if (!active) {
      String status = f.text(2);
      reject(src(), "invalid fix (RMC status " + (status.isEmpty() ? "empty" : status) + ")");
      return;
    }
    if (day < 0) {
      reject(src(), "RMC date '" + f.text(9) + "' is not ddmmyy");
      return;
    }
    if (!valid) {
      reject(src(), "RMC position missing or malformed");
      return;
    }
    double knots = f.optional(7, 0, 1000);
    double course = f.optional(8, 0, 360);
    if (knots < 0 || course < 0) {
      // a corrupt field despite a good checksum: the receiver's own fault, not ours to guess
      reject(src(), knots < 0 ? "RMC speed '" + f.text(7) + "' is not 0..1000 knots"
          : "RMC course '" + f.text(8) + "' is not 0..360 degrees");
      return;
    }
    double speed = knots * KNOT_MPS;
    if (lastEpoch.sameAs(f, 1)) {
      stats.skipped("same epoch as another fix (RMC)");
      return;
    }
    lastEpoch.set(f, 1);
    emit(day, tod, lat, lon, speed, course, src());
  }

  private void gga() {
    if (f.count() < 7) {
      reject(src(), "GGA has " + f.count() + " fields, expected at least 7");
      return;
    }
    long tod = f.time(1);
    if (tod < 0) {
      reject(src(), "GGA time '" + f.text(1) + "' is not hhmmss[.ss]");
      return;
    }
    if (f.isEmpty(6) || f.equals(6, "0")) {
      reject(src(), "invalid fix (GGA quality " + (f.isEmpty(6) ? "empty" : "0") + ")");
      return;
    }
    if (f.count() > 7 && (f.equals(7, "0") || f.equals(7, "00"))) {
      reject(src(), "invalid fix (GGA 0 satellites used)");
      return;
    }
    double lat = f.coord(2, 3, 'N', 'S', 2, 90);
    double lon = f.coord(4, 5, 'E', 'W', 3, 180);
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      reject(src(), "GGA position missing or malformed");
      return;
    }
    if (lastEpoch.sameAs(f, 1)) {
      stats.skipped("same epoch as another fix (GGA)");
      return;
    }
    if (pending != null) {
      rejectPending("GGA without date: no RMC before the next GGA; give --date");
    }
    if (dateDay < 0) {
      pending = new Pending(lat, lon, tod, f.text(1), src(), lines.excerpt());
      return;
    }
    lastEpoch.set(f, 1);
    emit(rolledDay(tod), tod, lat, lon, Double.NaN, Double.NaN, src());
  }

  /** The date of a time of day: the RMC date, one day on when the clock wrapped past midnight. */
  private long rolledDay(long tod) {
    long diff = tod - dateTodMs;
    if (diff < -12 * 3_600_000L) {
      return dateDay + 1;
    }
    if (diff > 12 * 3_600_000L) {
      return dateDay - 1;
    }
    return dateDay;
  }

  private void flushPending() {
    Pending p = pending;
    pending = null;
    lastEpoch.set(p.epoch);
    emit(rolledDay(p.todMs), p.todMs, p.lat, p.lon, Double.NaN, Double.NaN, p.src);
  }

  private void rejectPending(String reason) {
    Pending p = pending;
    pending = null;
    stats.rejected();
    rejects.reject(new Reject(p.src, reason, p.excerpt));
  }

  private void emit(long day, long tod, double lat, double lon, double speed, double course, Source src) {
    stats.emitted();
    out.add(Observation.builder(Instant.ofEpochMilli(day * 86_400_000L + tod), Kind.PATROL)
        .sensor(unit).unit(unit).seq(seq++).position(lat, lon).velocity(speed, course).src(src).build());
  }

  private void reject(Source src, String reason) {
    stats.rejected();
    rejects.reject(new Reject(src, reason, lines.excerpt()));
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** hhmmss[.sss] to milliseconds of the day, or -1. */
  static long parseTime(String s) {
    if (s.length() < 6) {
      return -1;
    }
    try {
      int h = Integer.parseInt(s.substring(0, 2));
      int m = Integer.parseInt(s.substring(2, 4));
      double sec = Double.parseDouble(s.substring(4));
      if (h > 23 || m > 59 || sec < 0 || sec >= 61) {
        return -1;
      }
      return (h * 3600L + m * 60L) * 1000L + Math.round(sec * 1000);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** ddmmyy to epoch day (years 80-99 are 19xx, 00-79 are 20xx), or -1. */
  static long parseDate(String s) {
    if (s.length() != 6) {
      return -1;
    }
    try {
      int d = Integer.parseInt(s.substring(0, 2));
      int m = Integer.parseInt(s.substring(2, 4));
      int y = Integer.parseInt(s.substring(4, 6));
      if (d < 1 || d > 31 || m < 1 || m > 12) {
        return -1;
      }
      return IsoTime.daysFromCivil(y < 80 ? 2000 + y : 1900 + y, m, d);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** (d)ddmm.mmmm plus hemisphere to signed degrees, or NaN. */
  static double coord(String v, String hemi, char pos, char neg, int degDigits, double max) {
    if (v.length() < degDigits + 2 || hemi.length() != 1) {
      return Double.NaN;
    }
    try {
      int deg = Integer.parseInt(v.substring(0, degDigits));
      double min = Double.parseDouble(v.substring(degDigits));
      if (min < 0 || min >= 60) {
        return Double.NaN;
      }
      double d = deg + min / 60.0;
      char h = hemi.charAt(0);
      if (h == neg) {
        d = -d;
      } else if (h != pos) {
        return Double.NaN;
      }
      return Math.abs(d) > max ? Double.NaN : d;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** An optional decimal field: NaN when empty, -1 when malformed or outside [min, max]. */
  private static double optional(String s, double min, double max) {
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s);
      return v >= min && v <= max ? v : -1; // NaN and infinities fail too
    } catch (NumberFormatException e) {
      return -1;
    }
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
