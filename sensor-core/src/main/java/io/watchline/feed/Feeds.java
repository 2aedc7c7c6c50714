package io.watchline.feed;

import io.watchline.feed.asterix.AsterixReader;
import io.watchline.feed.asterix.Framing;
import io.watchline.feed.cot.CotReader;
import io.watchline.feed.csv.ExportReader;
import io.watchline.feed.gpx.GpxReader;
import io.watchline.feed.nmea.NmeaReader;
import io.watchline.feed.onvif.OnvifReader;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one entry point to read any feed: detects the format from the content (never the file name)
 * unless one is given, and opens the matching streaming reader. See docs/feeds.md for the rules.
 */
public final class Feeds {
  static final int PEEK = 8192;

  private Feeds() {}

  public static FeedReader open(
      Path path, FeedFormat format, FeedOptions options, SiteRegistry sites, RejectSink rejects)
      throws IOException {
    InputStream in = Files.newInputStream(path);
    try {
      return open(in, path.toString(), format, options, sites, rejects);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Opens a reader over {@code in}; {@code name} is what provenance records call the file. The
   * reader owns the stream and closes it.
   */
  public static FeedReader open(
      InputStream raw, String name, FeedFormat format, FeedOptions options, SiteRegistry sites,
      RejectSink rejects) throws IOException {
    FeedInput in = FeedInput.of(raw);
    try {
      in.sniff();
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new FeedException(name + ": starts like gzip but cannot be inflated: " + e.getMessage());
    }
    FeedFormat f = format;
    Framing framing = options.framing();
    if (f == null || f == FeedFormat.AUTO) {
      if (in.empty()) {
        throw new FeedException(name + ": file is empty" + (in.gzip() ? " (after gunzip)" : ""));
      }
      f = detect(in);
      if (f == null && framing != null) {
        f = FeedFormat.ASTERIX; // --framing says what the content could not
      }
      if (f == null && isPcapng(in)) {
        throw new FeedException(name + ": pcapng captures are not read; convert with 'editcap -F pcap IN OUT'");
      }
      if (f == null) {
        throw new FeedException(name + ": cannot tell the feed format from the content; give --format");
      }
    }
    String unit = options.sensor() != null ? options.sensor() : stem(name);
    FeedReader reader = switch (f) {
      case NMEA -> new NmeaReader(in, name, unit, nmeaDate(options), rejects);
      case GPX -> new GpxReader(in, name, unit, rejects);
      case ONVIF -> new OnvifReader(in, name, options.sensor(), sites, rejects, options.status());
      case COT -> new CotReader(in, name, options.allCotTypes(), rejects);
      case NDJSON -> canonicalNdjson(in)
          ? new NdjsonObservationReader(in, name, rejects)
          : new ExportReader(in, name, true, options.sensor(), sites, rejects);
      case CSV -> new ExportReader(in, name, false, options.sensor(), sites, rejects);
      case ASTERIX -> new AsterixReader(in, name, framing != null ? framing : asterixFraming(in, name),
          options, sites, rejects);
      default -> throw new FeedException(name + ": format " + f.wireName() + " is not readable yet");
    };
    reader.stats().wrapping(in.wrapping());
    return reader;
  }

  private static Framing asterixFraming(InputStream in, String name) throws IOException {
    in.mark(PEEK);
    byte[] head = in.readNBytes(PEEK);
    in.reset();
    Framing f = Framing.detect(head, head.length, head.length < PEEK);
    if (f == null) {
      throw new FeedException(name + ": not ASTERIX in any known framing (raw blocks, pcap, FINAL, GPS)");
    }
    return f;
  }

  /** True when the first line has the canonical "t" and "kind" fields (else: a generic export). */
  private static boolean canonicalNdjson(InputStream in) throws IOException {
    in.mark(PEEK);
    byte[] head = in.readNBytes(PEEK);
    in.reset();
    String s = new String(head, java.nio.charset.StandardCharsets.UTF_8);
    int nl = s.indexOf('\n');
    String first = nl >= 0 ? s.substring(0, nl) : s;
    return first.contains("\"t\"") && first.contains("\"kind\"");
  }

  private static boolean isPcapng(InputStream in) throws IOException {
    in.mark(4);
    byte[] m = in.readNBytes(4);
    in.reset();
    return m.length == 4 && m[0] == 0x0a && m[1] == 0x0d && m[2] == 0x0d && m[3] == 0x0a;
  }

  /** The format of a buffered stream, judged from its first bytes (the stream is reset); null if unknown. */
  public static FeedFormat detect(InputStream in) throws IOException {
    in.mark(PEEK);
    byte[] head = in.readNBytes(PEEK);
    in.reset();
    return detect(head, head.length, head.length < PEEK);
  }

  /** The format judged from the first {@code n} bytes of a feed (more may follow); null if nothing fits. */
  public static FeedFormat detect(byte[] b, int n) {
    return detect(b, n, false);
  }

  /**
   * The format judged from the first {@code n} bytes of a feed, {@code whole} when they are all of
   * it; null if nothing fits. The bytes are those a {@link FeedInput} hands on (inflated, no BOM).
   */
  public static FeedFormat detect(byte[] b, int n, boolean whole) {
    if (n == 0) {
      return null;
    }
    // Binary framings only for content that is not text: a pcap or GPS header is never text, and
    // text must not be guessed as FINAL or raw blocks from a lucky length field.
    Framing framing = Framing.detect(b, n, whole);
    if (framing == Framing.PCAP || framing == Framing.GPS || framing != null && !isText(b, n)) {
      return FeedFormat.ASTERIX;
    }
    int i = 0;
    if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    if (i < n) {
      byte c = b[i];
      if (c == '<') {
        return xmlFormat(new String(b, i, n - i, java.nio.charset.StandardCharsets.UTF_8));
      }
      if (c == '$' || c == '!' || c == '#') {
        return nmeaOrNull(b, i, n);
      }
      if (c == '{') {
        return FeedFormat.NDJSON;
      }
    }
    if (isText(b, n) && firstLineLooksLikeCsv(b, n)) {
      return FeedFormat.CSV;
    }
    return null;
  }

  private static FeedFormat nmeaOrNull(byte[] b, int i, int n) {
    // Skip '#' comment lines; the first real line must be a '$' or '!' sentence.
    while (i < n && b[i] == '#') {
      while (i < n && b[i] != '\n') {
        i++;
      }
      while (i < n && (b[i] == '\n' || b[i] == '\r' || b[i] == ' ')) {
        i++;
      }
    }
    if (i >= n) {
      return FeedFormat.NMEA; // only comments in the peek: a long header
    }
    return b[i] == '$' || b[i] == '!' ? FeedFormat.NMEA : null;
  }

  /** The root element decides: gpx, event/events (CoT), MetadataStream (ONVIF). */
  static FeedFormat xmlFormat(String s) {
    int i = 0;
    while (true) {
      int lt = s.indexOf('<', i);
      if (lt < 0 || lt + 1 >= s.length()) {
        return null;
      }
      char c = s.charAt(lt + 1);
      if (c == '?' || c == '!') {
        int end = s.startsWith("<!--", lt) ? s.indexOf("-->", lt) : s.indexOf('>', lt);
        if (end < 0) {
          return null;
        }
        i = end + 1;
        continue;
      }
      int j = lt + 1;
      while (j < s.length() && " \t\r\n/>".indexOf(s.charAt(j)) < 0) {
        j++;
      }
      String qname = s.substring(lt + 1, j);
      String local = qname.substring(qname.indexOf(':') + 1);
      return switch (local) {
        case "gpx" -> FeedFormat.GPX;
        case "event", "events" -> FeedFormat.COT;
        case "MetadataStream", "VideoAnalytics", "Frame" -> FeedFormat.ONVIF;
        default -> null;
      };
    }
  }

  private static boolean isText(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) {
        return false;
      }
    }
    return true;
  }

  private static boolean firstLineLooksLikeCsv(byte[] b, int n) {
    int commas = 0;
    for (int i = 0; i < n && b[i] != '\n'; i++) {
      if (b[i] == ',' || b[i] == ';' || b[i] == '\t') {
        commas++;
      }
    }
    return commas >= 2;
  }

  /** File name without directory and extension, the default unit id of a patrol GPS file. */
  static String stem(String name) {
    String s = name.replace('\\', '/');
    s = s.substring(s.lastIndexOf('/') + 1);
    int dot = s.indexOf('.');
    return dot > 0 ? s.substring(0, dot) : s;
  }

  /**
   * The date for GGA fixes before any RMC: the given date, else the day of the window start (half
   * a day before the middle a nightly run gives), from which the reader rolls over midnight.
   */
  static java.time.LocalDate nmeaDate(FeedOptions options) {
    if (options.date() != null || options.near() == null) {
      return options.date();
    }
    return java.time.LocalDate.ofInstant(options.near().minus(java.time.Duration.ofHours(12)), java.time.ZoneOffset.UTC);
  }
}
