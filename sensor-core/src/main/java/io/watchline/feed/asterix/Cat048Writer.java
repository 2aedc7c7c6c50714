package io.watchline.feed.asterix;

import io.watchline.geo.InvalidValueException;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Writes radar plots as raw ASTERIX CAT048 data blocks (one record per block): I048/010 SAC/SIC,
 * /140 time of day, /020 report type (PSR), /040 rho/theta, /161 track number and /200 velocity
 * when known. Resolutions are the format's: 1/128 s, 1/256 NM (7.2 m) in range, 360/2^16 degrees
 * (0.0055 deg) in bearing. Times are written on the radar's own clock (the site's clock offset is
 * taken off, as the reader adds it back).
 */
public final class Cat048Writer implements Closeable, Flushable {
  private final OutputStream out;
  private final int sac;
  private final int sic;
  private final long clockOffsetMs;
  private final byte[] rec = new byte[32];
  private long written;

  public Cat048Writer(OutputStream out, int sac, int sic, long clockOffsetMs) {
    if (sac < 0 || sac > 255 || sic < 0 || sic > 255) {
      throw new InvalidValueException("SAC/SIC must be 0..255");
    }
    this.out = out;
    this.sac = sac;
    this.sic = sic;
    this.clockOffsetMs = clockOffsetMs;
  }

  /** A writer for a registry site with SAC/SIC. */
  public static Cat048Writer forSite(OutputStream out, Site site) {
    if (!site.hasAsterixId()) {
      throw new InvalidValueException("site " + site.id() + " has no sac/sic for ASTERIX");
    }
    return new Cat048Writer(out, site.sac(), site.sic(), site.clockOffsetMs());
  }

  /**
   * Writes an observation seen by {@code site}: its range/bearing, or, when it only has lat/lon,
   * the geodesic range and bearing from the site. The track number is taken from the digits after
   * the last '/' of {@code track} (0..4095), when there are any.
   */
  public void write(Observation o, Site site) throws IOException {
    double range = o.rangeM();
    double bearing = o.bearingDeg();
    if ((Double.isNaN(range) || Double.isNaN(bearing)) && o.hasPosition()) {
      range = Geodesy.distance(site.lat(), site.lon(), o.lat(), o.lon());
      bearing = Geodesy.bearing(site.lat(), site.lon(), o.lat(), o.lon());
    }
    int tn = -1;
    if (o.track() != null) {
      String tail = o.track().substring(o.track().lastIndexOf('/') + 1);
      if (!tail.isEmpty() && tail.chars().allMatch(Character::isDigit) && tail.length() < 6) {
        tn = Integer.parseInt(tail) & 0x0fff;
      }
    }
    write(o.t(), range, bearing, tn, o.speedMps(), o.courseDeg());
  }

  /** One plot. {@code trackNumber} -1 and NaN velocity leave those items out. */
  public void write(Instant t, double rangeM, double bearingDeg, int trackNumber, double speedMps,
      double courseDeg) throws IOException {
    if (Double.isNaN(rangeM) || Double.isNaN(bearingDeg) || rangeM < 0) {
      throw new IllegalArgumentException("a CAT048 plot needs range and bearing");
    }
    long rho = Math.round(rangeM / AsterixReader.NM * 256);
    if (rho > 0xffff) {
      throw new InvalidValueException("range " + rangeM + " m is beyond CAT048's 256 NM");
    }
    long ms = t.toEpochMilli() - clockOffsetMs;
    long todNanos = Math.floorMod(ms, TimeAnchor.DAY_MS) * 1_000_000L + t.getNano() % 1_000_000;
    long tod = Math.round(todNanos / 7_812_500.0) % (86_400L * 128);
    boolean vel = !Double.isNaN(speedMps) && !Double.isNaN(courseDeg);
    int p = 3;
    // FSPEC: FRN 1-4 (010, 140, 020, 040); second octet FRN 11 (161) and 13 (200)
    int fs2 = (trackNumber >= 0 ? 0x10 : 0) | (vel ? 0x04 : 0);
    rec[p++] = (byte) (0xF0 | (fs2 != 0 ? 1 : 0));
    if (fs2 != 0) {
      rec[p++] = (byte) fs2;
    }
    rec[p++] = (byte) sac;
    rec[p++] = (byte) sic;
    rec[p++] = (byte) (tod >> 16);
    rec[p++] = (byte) (tod >> 8);
    rec[p++] = (byte) tod;
    rec[p++] = 0x20; // TYP 1: single PSR detection
    long theta = Math.round(((bearingDeg % 360 + 360) % 360) / 360.0 * 65536) & 0xffff;
    rec[p++] = (byte) (rho >> 8);
    rec[p++] = (byte) rho;
    rec[p++] = (byte) (theta >> 8);
    rec[p++] = (byte) theta;
    if (trackNumber >= 0) {
      rec[p++] = (byte) ((trackNumber >> 8) & 0x0f);
      rec[p++] = (byte) trackNumber;
    }
    if (vel) {
      long gs = Math.min(0xffff, Math.round(speedMps / AsterixReader.NM * 16384));
      long hdg = Math.round(((courseDeg % 360 + 360) % 360) / 360.0 * 65536) & 0xffff;
      rec[p++] = (byte) (gs >> 8);
      rec[p++] = (byte) gs;
      rec[p++] = (byte) (hdg >> 8);
      rec[p++] = (byte) hdg;
    }
    rec[0] = 48;
    rec[1] = (byte) (p >> 8);
    rec[2] = (byte) p;
    out.write(rec, 0, p);
    written++;
  }

  public long written() {
    return written;
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
