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
  private String lastEpoch;
  private Pending pending;
  private long seq;

  private record Pending(Observation fix, long todMs, String epoch, Source src, String excerpt) {}

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
    Source src = Source.atLine(file, lines.offset(), lines.lineNumber());
    if (lines.overlong()) {
      reject(src, "line longer than " + lines.maxLine() + " bytes (" + lines.lineBytes() + ")");
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
      reject(src, "not an NMEA sentence (does not start with $)");
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
      reject(src, "missing checksum (*hh)");
      return;
    }
    int sum = 0;
    for (int i = start + 1; i < star; i++) {
      sum ^= b[i] & 0xff;
    }
    int given = hex(b[star + 1]) << 4 | hex(b[star + 2]);
    if (hex(b[star + 1]) < 0 || hex(b[star + 2]) < 0) {
      reject(src, "checksum is not hexadecimal");
      return;
    }
    if (sum != given) {
      reject(src, String.format("bad checksum: computed %02X, sentence says %02X", sum, given));
      return;
    }
    String body = new String(b, start + 1, star - start - 1, StandardCharsets.US_ASCII);
    String[] f = body.split(",", -1);
    String address = f[0];
    if (address.length() != 5 || address.charAt(0) == 'P') {
      stats.skipped("nmea sentence not used (" + (address.startsWith("P") ? "proprietary" : address) + ")");
      return;
    }
    String type = address.substring(2);
    switch (type) {
      case "RMC" -> rmc(f, src);
      case "GGA" -> gga(f, src);
      default -> stats.skipped("nmea sentence not used (" + type + ")");
    }
  }

  private void rmc(String[] f, Source src) {
    if (f.length < 10) {
      reject(src, "RMC has " + f.length + " fields, expected at least 10");
      return;
    }
    long tod = parseTime(f[1]);
    long day = parseDate(f[9]);
    if (tod >= 0 && day >= 0) {
      // The receiver's date is good even when the fix is not: later GGAs may use it.
      dateDay = day;
      dateTodMs = tod;
    }
    double lat = coord(f[3], f[4], 'N', 'S', 2, 90);
    double lon = coord(f[5], f[6], 'E', 'W', 3, 180);
    String epoch = f[1];
    boolean valid = tod >= 0 && day >= 0 && "A".equals(f[2]) && !Double.isNaN(lat) && !Double.isNaN(lon);
    if (pending != null && dateDay >= 0) {
      if (valid && pending.epoch.equals(epoch)) {
        pending = null;
        stats.skipped("same epoch as another fix (GGA)");
      } else {
        flushPending();
      }
    }
    if (tod < 0) {
      reject(src, "RMC time '" + f[1] + "' is not hhmmss[.ss]");
      return;
    }
    if (!"A".equals(f[2])) {
      reject(src, "invalid fix (RMC status " + (f[2].isEmpty() ? "empty" : f[2]) + ")");
      return;
    }
    if (day < 0) {
      reject(src, "RMC date '" + f[9] + "' is not ddmmyy");
      return;
    }
    if (!valid) {
      reject(src, "RMC position missing or malformed");
      return;
    }
    double knots = optional(f[7], 0, 1000);
    double course = optional(f[8], 0, 360);
    if (knots < 0 || course < 0) {
      // a corrupt field despite a good checksum: the receiver's own fault, not ours to guess
      reject(src, knots < 0 ? "RMC speed '" + f[7] + "' is not 0..1000 knots" : "RMC course '" + f[8] + "' is not 0..360 degrees");
      return;
    }
    double speed = knots * KNOT_MPS;
    if (epoch.equals(lastEpoch)) {
      stats.skipped("same epoch as another fix (RMC)");
      return;
    }
    emit(fix(day, tod, lat, lon, speed, course, src), epoch);
  }

  private void gga(String[] f, Source src) {
    if (f.length < 7) {
      reject(src, "GGA has " + f.length + " fields, expected at least 7");
      return;
    }
    long tod = parseTime(f[1]);
    if (tod < 0) {
      reject(src, "GGA time '" + f[1] + "' is not hhmmss[.ss]");
      return;
    }
    if (f[6].isEmpty() || "0".equals(f[6])) {
      reject(src, "invalid fix (GGA quality " + (f[6].isEmpty() ? "empty" : "0") + ")");
      return;
    }
    if (f.length > 7 && (f[7].equals("0") || f[7].equals("00"))) {
      reject(src, "invalid fix (GGA 0 satellites used)");
      return;
    }
    double lat = coord(f[2], f[3], 'N', 'S', 2, 90);
    double lon = coord(f[4], f[5], 'E', 'W', 3, 180);
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      reject(src, "GGA position missing or malformed");
      return;
    }
    String epoch = f[1];
    if (epoch.equals(lastEpoch)) {
      stats.skipped("same epoch as another fix (GGA)");
      return;
    }
    if (pending != null) {
      rejectPending("GGA without date: no RMC before the next GGA; give --date");
    }
    if (dateDay < 0) {
      Observation o = fix(0, tod, lat, lon, Double.NaN, Double.NaN, src);
      pending = new Pending(o, tod, epoch, src, lines.excerpt());
      return;
    }
    emit(fix(rolledDay(tod), tod, lat, lon, Double.NaN, Double.NaN, src), epoch);
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
    Observation o = p.fix.withTime(Instant.ofEpochMilli(rolledDay(p.todMs) * 86_400_000L + p.todMs));
    emit(o, p.epoch);
  }

  private void rejectPending(String reason) {
    Pending p = pending;
    pending = null;
    stats.rejected();
    rejects.reject(new Reject(p.src, reason, p.excerpt));
  }

  private Observation fix(long day, long tod, double lat, double lon, double speed, double course, Source src) {
    return Observation.builder(Instant.ofEpochMilli(day * 86_400_000L + tod), Kind.PATROL)
        .sensor(unit).unit(unit).position(lat, lon).velocity(speed, course).src(src).build();
  }

  private void emit(Observation o, String epoch) {
    lastEpoch = epoch;
    stats.emitted();
    out.add(new Observation(o.t(), o.kind(), o.sensor(), seq++, o.lat(), o.lon(), o.rangeM(),
        o.bearingDeg(), o.track(), o.speedMps(), o.courseDeg(), o.cls(), o.conf(), o.unit(), o.src()));
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
