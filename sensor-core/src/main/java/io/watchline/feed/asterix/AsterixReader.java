package io.watchline.feed.asterix;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedOptions.Cat062Edition;
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
import java.util.Arrays;

/**
 * Radar observations from ASTERIX recordings: CAT048 target reports (polar, placed with the radar
 * site found by SAC/SIC) and CAT062 system tracks (WGS-84), editions 0.17 and 1.18. CAT034 service
 * messages are walked over and counted; other categories are skipped block by block with a count.
 * Every record's provenance is its byte offset in the file.
 *
 * <p>One bad record makes the rest of its data block unreadable (records carry no length), so the
 * reject covers "this record and the rest of its block"; the next block is read normally.
 */
public final class AsterixReader implements FeedReader, Chunks.Events {
  static final double NM = 1852.0;

  private final String file;
  private final Framing framing;
  private final Chunks chunks;
  private final SiteRegistry sites;
  private final RejectSink rejects;
  private final ReadStats stats;
  private final TimeAnchor anchor;
  private final Cat062Edition requestedEdition;
  private Cat062Edition edition;
  private final io.watchline.feed.StatusSink status;
  private final RadarNames names;
  private final int[] at = new int[40];

  private byte[] b;
  private int chunkPos;
  private int chunkEnd;
  private int blockCat;
  private int recPos;
  private int blockEnd;
  private Item[] blockUap;
  private long seq;
  private boolean ended;

  public AsterixReader(InputStream in, String file, Framing framing, FeedOptions options, SiteRegistry sites,
      RejectSink rejects) throws IOException {
    if (framing != Framing.PCAP && options.date() == null && options.near() == null) {
      throw new FeedException(file + ": ASTERIX time of day needs a date: give --date YYYY-MM-DD"
          + " (only pcap captures carry one)");
    }
    this.file = file;
    this.status = options.status();
    this.framing = framing;
    this.sites = sites;
    this.names = new RadarNames(sites);
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    this.anchor = new TimeAnchor(options.date(), options.near());
    this.requestedEdition = options.cat062Edition();
    this.edition = requestedEdition == Cat062Edition.AUTO ? null : requestedEdition;
    this.chunks = Chunks.open(framing, in, this, options.dedupWindowMs());
    stats.format("asterix/" + framing.name().toLowerCase(java.util.Locale.ROOT));
  }

  public Framing framing() {
    return framing;
  }

  @Override
  public Observation next() throws IOException {
    while (!ended) {
      if (recPos < blockEnd) {
        Observation o = record();
        if (o != null) {
          return o;
        }
        continue;
      }
      if (chunkPos < chunkEnd) {
        startBlock();
        continue;
      }
      if (!chunks.next()) {
        ended = true;
        stats.bytes(chunks.position());
        break;
      }
      b = chunks.buf;
      chunkPos = chunks.off;
      chunkEnd = chunks.off + chunks.len;
      stats.bytes(chunks.position());
    }
    return null;
  }

  private long offsetOf(int p) {
    return chunks.fileOffset + (p - chunks.off);
  }

  private void startBlock() {
    int p = chunkPos;
    if (p + 3 > chunkEnd) {
      reject(offsetOf(p), "truncated data block header (" + (chunkEnd - p) + " bytes)", p, chunkEnd);
      chunkPos = chunkEnd;
      return;
    }
    int cat = b[p] & 0xff;
    int len = Framing.u16(b, p + 1);
    if (len < 3 || p + len > chunkEnd) {
      reject(offsetOf(p), "data block CAT" + pad3(cat) + " LEN " + len + " runs past the end of its "
          + (framing == Framing.RAW || framing == Framing.GPS ? "file" : framing == Framing.PCAP
              ? "UDP payload" : "FINAL frame") + " (" + (chunkEnd - p) + " bytes left)", p, chunkEnd);
      chunkPos = chunkEnd;
      return;
    }
    chunkPos = p + len;
    switch (cat) {
      case 48 -> blockUap = Uap.CAT048;
      case 34 -> blockUap = Uap.CAT034;
      case 62 -> blockUap = cat062Uap(p + 3, p + len);
      default -> {
        stats.skipped("asterix cat" + pad3(cat) + " block (category not decoded)");
        return;
      }
    }
    blockCat = cat;
    recPos = p + 3;
    blockEnd = p + len;
  }

  /** The CAT062 table for a block, detecting the edition when asked to and the data allow it. */
  private Item[] cat062Uap(int from, int to) {
    if (edition == null) {
      boolean fits118 = fits(Uap.CAT062_118, from, to, false);
      boolean fits017 = fits(Uap.CAT062_017, from, to, true);
      if (fits118 != fits017) {
        edition = fits118 ? Cat062Edition.V1_18 : Cat062Edition.V0_17;
        stats.format("asterix/" + framing.name().toLowerCase(java.util.Locale.ROOT) + ", cat062 "
            + (fits118 ? "1.18" : "0.17") + " (detected)");
      } else {
        if (fits118) {
          stats.warn("cat062 block fits both editions, read as 1.18");
        }
        return Uap.CAT062_118;
      }
    }
    return edition == Cat062Edition.V0_17 ? Uap.CAT062_017 : Uap.CAT062_118;
  }

  /** True when every record of the block walks cleanly with this table and ends exactly at its end. */
  private boolean fits(Item[] uap, int from, int to, boolean old) {
    int p = from;
    int[] tmp = new int[40];
    try {
      while (p < to) {
        p = walk(b, p, to, uap, tmp);
        int pos = tmp[old ? Uap.I017_105 : Uap.I062_105];
        if (pos >= 0) {
          double lat = old ? s24(b, pos) * 180.0 / (1 << 23) : s32(b, pos) * 180.0 / (1 << 25);
          double lon = old ? s24(b, pos + 3) * 180.0 / (1 << 23) : s32(b, pos + 4) * 180.0 / (1 << 25);
          if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            return false;
          }
        }
      }
      return p == to;
    } catch (AsterixFormatException e) {
      return false;
    }
  }

  /**
   * Walks one record: reads the FSPEC, records where each present item starts in {@code pos}
   * (indexed by FRN, -1 when absent; {@code pos[0]} is the walk's own) and returns the offset
   * after the record.
   */
  static int walk(byte[] b, int p, int end, Item[] uap, int[] pos) throws AsterixFormatException {
    // pos[0] (there is no FRN 0) holds the highest FRN the last walk set: only up to it is cleared
    Arrays.fill(pos, 0, pos[0] > 0 ? pos[0] + 1 : pos.length, -1);
    pos[0] = 0;
    int fspec = p;
    do {
      if (p >= end) {
        throw new AsterixFormatException("FSPEC runs past the end of the data block");
      }
      p++;
    } while ((b[p - 1] & 1) != 0);
    if (p - fspec == 1 && b[fspec] == 0) {
      throw new AsterixFormatException("empty FSPEC (no items)");
    }
    int fspecLen = p - fspec;
    for (int k = 0; k < fspecLen; k++) {
      int bits = b[fspec + k] & 0xfe;
      while (bits != 0) { // the set bits from the highest (FX, bit 0, masked off): FRN order
        int bit = 31 - Integer.numberOfLeadingZeros(bits);
        bits &= ~(1 << bit);
        int frn = k * 7 + (8 - bit);
        Item item = frn <= uap.length ? uap[frn - 1] : null;
        if (item == null) {
          throw new AsterixFormatException("FSPEC sets FRN " + frn + ", which this category/edition does not define");
        }
        if (frn < pos.length) {
          pos[frn] = p;
          pos[0] = Math.max(pos[0], frn);
        }
        if (item.type() == Item.Type.FIXED && p + item.size() <= end) {
          p += item.size(); // most items: no need for the general step
        } else {
          p = item.skip(b, p, end);
        }
      }
    }
    return p;
  }

  private Observation record() {
    int start = recPos;
    int end;
    try {
      end = walk(b, start, blockEnd, blockUap, at);
    } catch (AsterixFormatException e) {
      reject(offsetOf(start), "CAT" + pad3(blockCat) + " record: " + e.getMessage()
          + " (the block's last " + (blockEnd - start) + " bytes are skipped with it)", start, blockEnd);
      recPos = blockEnd;
      return null;
    }
    recPos = end;
    try {
      return switch (blockCat) {
        case 48 -> cat048(start);
        case 62 -> edition == Cat062Edition.V0_17 ? cat062old(start) : cat062(start);
        default -> {
          cat034(start);
          yield null;
        }
      };
    } catch (AsterixFormatException e) {
      reject(offsetOf(start), "CAT" + pad3(blockCat) + " record: " + e.getMessage(), start, end);
      return null;
    }
  }

  /**
   * A service message is no observation, but it says the radar is turning: handed to the status
   * sink (coverage reads a quiet radar as up, not down) and counted as skipped.
   */
  private void cat034(int start) throws AsterixFormatException {
    if (at[Uap.I034_010] < 0 || at[Uap.I034_030] < 0) {
      stats.skipped("asterix cat034 service message");
      return; // no source or no time: nothing to say about whom or when
    }
    int sac = b[at[Uap.I034_010]] & 0xff;
    int sic = b[at[Uap.I034_010] + 1] & 0xff;
    Site site = names.site(sac, sic);
    int type = at[Uap.I034_000] >= 0 ? b[at[Uap.I034_000]] & 0xff : 0;
    Instant t = time(u24(b, at[Uap.I034_030]), site); // a bad time rejects the record, as for plots
    stats.skipped("asterix cat034 service message");
    status.alive(new io.watchline.feed.SensorStatus(t, names.sensorId(sac, sic), Uap.serviceMessage(type),
        Source.atOffset(file, offsetOf(start))));
  }

  private Observation cat048(int start) throws AsterixFormatException {
    if (at[Uap.I048_010] < 0) {
      throw new AsterixFormatException("no data source (I048/010)");
    }
    if (at[Uap.I048_140] < 0) {
      throw new AsterixFormatException("no time of day (I048/140)");
    }
    int sac = b[at[Uap.I048_010]] & 0xff;
    int sic = b[at[Uap.I048_010] + 1] & 0xff;
    double range;
    double bearing;
    if (at[Uap.I048_040] >= 0) {
      int p = at[Uap.I048_040];
      range = Framing.u16(b, p) / 256.0 * NM;
      bearing = Framing.u16(b, p + 2) * 360.0 / 65536.0;
    } else if (at[Uap.I048_042] >= 0) {
      int p = at[Uap.I048_042];
      double x = (short) Framing.u16(b, p) / 128.0 * NM;
      double y = (short) Framing.u16(b, p + 2) / 128.0 * NM;
      range = Math.hypot(x, y);
      bearing = (Math.toDegrees(Math.atan2(x, y)) + 360) % 360;
    } else if (Uap.positionlessReport(b, at[Uap.I048_020], at[Uap.I048_170]) != null) {
      stats.skipped(Uap.positionlessReport(b, at[Uap.I048_020], at[Uap.I048_170]));
      return null;
    } else {
      throw new AsterixFormatException("no position (neither I048/040 nor I048/042)");
    }
    Site site = names.site(sac, sic);
    String sensor = site != null ? site.id() : RadarNames.asterixId(sac, sic);
    Instant t = time(u24(b, at[Uap.I048_140]), site);
    double lat = Double.NaN;
    double lon = Double.NaN;
    if (site != null) {
      Geodesy.LatLon ll = site.place(range, bearing);
      lat = ll.lat();
      lon = ll.lon();
    } else {
      stats.warn("radar SAC/SIC " + sac + "/" + sic + " not in the sites registry (no lat/lon)");
    }
    String track = at[Uap.I048_161] >= 0 ? names.trackName(sensor, Framing.u16(b, at[Uap.I048_161]) & 0x0fff) : null;
    double speed = Double.NaN;
    double course = Double.NaN;
    if (at[Uap.I048_200] >= 0) {
      int p = at[Uap.I048_200];
      speed = Framing.u16(b, p) / 16384.0 * NM;
      course = Framing.u16(b, p + 2) * 360.0 / 65536.0;
    }
    stats.emitted();
    // the record's constructor, not the builder: one object per plot on this hot path
    return new Observation(t, Kind.RADAR, sensor, seq++, lat, lon, range, bearing, track, speed, course, null,
        Double.NaN, null, Source.atOffset(file, offsetOf(start)));
  }

  private Observation cat062(int start) throws AsterixFormatException {
    require(Uap.I062_010, "no data source (I062/010)");
    require(Uap.I062_070, "no time of track (I062/070)");
    require(Uap.I062_105, "no WGS-84 position (I062/105)");
    int sac = b[at[Uap.I062_010]] & 0xff;
    int sic = b[at[Uap.I062_010] + 1] & 0xff;
    int p = at[Uap.I062_105];
    double lat = s32(b, p) * 180.0 / (1 << 25);
    double lon = s32(b, p + 4) * 180.0 / (1 << 25);
    Observation.Builder o = track(sac, sic, at[Uap.I062_070], lat, lon, start);
    if (at[Uap.I062_040] >= 0) {
      o.track(names.sensorId(sac, sic) + "/" + Framing.u16(b, at[Uap.I062_040]));
    }
    if (at[Uap.I062_185] >= 0) {
      int v = at[Uap.I062_185];
      double vx = (short) Framing.u16(b, v) * 0.25;
      double vy = (short) Framing.u16(b, v + 2) * 0.25;
      o.velocity(Math.hypot(vx, vy), (Math.toDegrees(Math.atan2(vx, vy)) + 360) % 360);
    }
    stats.emitted();
    return o.build();
  }

  private Observation cat062old(int start) throws AsterixFormatException {
    require(Uap.I017_010, "no data source (I062/010)");
    require(Uap.I017_070, "no time of track (I062/070)");
    require(Uap.I017_105, "no WGS-84 position (I062/105)");
    int sac = b[at[Uap.I017_010]] & 0xff;
    int sic = b[at[Uap.I017_010] + 1] & 0xff;
    int p = at[Uap.I017_105];
    double lat = s24(b, p) * 180.0 / (1 << 23);
    double lon = s24(b, p + 3) * 180.0 / (1 << 23);
    Observation.Builder o = track(sac, sic, at[Uap.I017_070], lat, lon, start);
    if (at[Uap.I017_040] >= 0) {
      o.track(names.sensorId(sac, sic) + "/" + (Framing.u16(b, at[Uap.I017_040]) & 0x7fff));
    }
    if (at[Uap.I017_180] >= 0) {
      int v = at[Uap.I017_180];
      o.velocity(Framing.u16(b, v) / 16384.0 * NM, Framing.u16(b, v + 2) * 360.0 / 65536.0);
    }
    stats.emitted();
    return o.build();
  }

  private Observation.Builder track(int sac, int sic, int todPos, double lat, double lon, int start)
      throws AsterixFormatException {
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw new AsterixFormatException("I062/105 position out of range (" + lat + ", " + lon
          + "): wrong --cat062-edition?");
    }
    Site site = names.site(sac, sic);
    return Observation.builder(time(u24(b, todPos), site), Kind.RADAR)
        .sensor(names.sensorId(sac, sic)).seq(seq++).position(lat, lon)
        .src(Source.atOffset(file, offsetOf(start)));
  }

  private void require(int frn, String reason) throws AsterixFormatException {
    if (at[frn] < 0) {
      throw new AsterixFormatException(reason);
    }
  }

  /** Time of day in 1/128 s, anchored to a date, plus the site's clock offset. */
  private Instant time(int tod128, Site site) throws AsterixFormatException {
    if (tod128 >= 86_400 * 128) {
      throw new AsterixFormatException("time of day " + tod128 / 128.0 + " s is past midnight");
    }
    long nanos = anchor.anchorNanos(tod128 * 7_812_500L, chunks.contextMs);
    if (site != null) {
      nanos += site.clockOffsetMs() * 1_000_000L;
    }
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  static String pad3(int cat) {
    return cat < 10 ? "00" + cat : cat < 100 ? "0" + cat : Integer.toString(cat);
  }

  static int u24(byte[] b, int p) {
    return (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff);
  }

  static int s24(byte[] b, int p) {
    return u24(b, p) << 8 >> 8;
  }

  static int s32(byte[] b, int p) {
    return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
  }

  private void reject(long offset, String reason, int from, int to) {
    reject(offset, reason, b, from, to - from);
  }

  @Override
  public void reject(long offset, String reason, byte[] bytes, int off, int len) {
    stats.rejected();
    rejects.reject(new Reject(Source.atOffset(file, offset), reason, hex(bytes, off, len)));
  }

  @Override
  public void skip(String reason) {
    stats.skipped(reason);
  }

  /** First 64 bytes as hex, the excerpt of a binary reject. */
  static String hex(byte[] bytes, int off, int len) {
    int n = Math.min(len, 64);
    StringBuilder sb = new StringBuilder(n * 2 + 1);
    for (int i = off; i < off + n; i++) {
      sb.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
    }
    if (len > n) {
      sb.append('…');
    }
    return sb.toString().toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public ReadStats stats() {
    return stats;
  }

  @Override
  public void close() throws IOException {
    chunks.close();
  }
}
