package io.watchline.feed.nmea;

import io.watchline.observation.Observation;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Writes patrol fixes as NMEA 0183: a GPRMC and a GPGGA sentence per fix, CRLF-terminated, with
 * checksums. Times to 10 ms (hhmmss.ss), positions to 1e-6 minutes (about 2 mm), so that reading
 * back reproduces positions well within 1 m.
 */
public final class NmeaWriter implements Closeable, Flushable {
  private final Writer out;

  public NmeaWriter(OutputStream out) {
    this.out = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
  }

  public void write(Observation o) throws IOException {
    if (!o.hasPosition()) {
      throw new IllegalArgumentException("an NMEA fix needs lat/lon");
    }
    long cs = Math.round(o.t().toEpochMilli() / 10.0);
    ZonedDateTime z = java.time.Instant.ofEpochMilli(cs * 10).atZone(ZoneOffset.UTC);
    String time = String.format(Locale.ROOT, "%02d%02d%02d.%02d", z.getHour(), z.getMinute(), z.getSecond(),
        z.getNano() / 10_000_000);
    String date = String.format(Locale.ROOT, "%02d%02d%02d", z.getDayOfMonth(), z.getMonthValue(), z.getYear() % 100);
    String lat = coord(o.lat(), 2, 'N', 'S');
    String lon = coord(o.lon(), 3, 'E', 'W');
    String speed = Double.isNaN(o.speedMps()) ? "" : String.format(Locale.ROOT, "%.3f", o.speedMps() / NmeaReader.KNOT_MPS);
    String course = Double.isNaN(o.courseDeg()) ? "" : String.format(Locale.ROOT, "%.2f", o.courseDeg());
    sentence("GPRMC," + time + ",A," + lat + "," + lon + "," + speed + "," + course + "," + date + ",,,A");
    sentence("GPGGA," + time + "," + lat + "," + lon + ",1,08,1.0,,M,,M,,");
  }

  private static String coord(double v, int degDigits, char pos, char neg) {
    double a = Math.abs(v);
    int deg = (int) a;
    double min = (a - deg) * 60;
    if (Math.round(min * 1e6) >= 60_000_000L) {
      deg++;
      min = 0;
    }
    String d = String.format(Locale.ROOT, "%0" + degDigits + "d", deg);
    return d + String.format(Locale.ROOT, "%09.6f", min) + "," + (v < 0 ? neg : pos);
  }

  private void sentence(String body) throws IOException {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum ^= body.charAt(i);
    }
    out.write('$');
    out.write(body);
    out.write(String.format(Locale.ROOT, "*%02X\r\n", sum));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
