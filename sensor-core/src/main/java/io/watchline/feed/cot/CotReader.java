package io.watchline.feed.cot;

import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.feed.Utf8Repair;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Patrol fixes from Cursor-on-Target events. A CoT log is often many {@code <event>} documents
 * back to back (a TAK stream, with or without XML declarations), which is not one well-formed XML
 * document; so the reader cuts the byte stream at {@code <event … </event>} and parses each event on
 * its own. A broken event is rejected at its exact byte offset and the next one is read. A byte
 * that is not UTF-8 is read as Latin-1 with a warning ({@link Utf8Repair}), not a broken event.
 *
 * <p>Only friendly ground units ({@code a-f-G*}) become patrol fixes unless {@code allTypes};
 * other events are skipped with a count. {@code 9999999} in hae/ce means unknown. The ATAK no-fix
 * position (-0.0043, -0.0077) is rejected.
 */
public final class CotReader implements FeedReader {
  static final int MAX_EVENT = 1 << 20;
  private static final byte[] OPEN = "<event".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "</event>".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final String file;
  private final boolean allTypes;
  private final RejectSink rejects;
  private final ReadStats stats;
  private byte[] event = new byte[4096];
  private int eventLen;
  private long pos;
  private long seq;

  public CotReader(InputStream in, String file, boolean allTypes, RejectSink rejects) {
    this.in = in;
    this.file = file;
    this.allTypes = allTypes;
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    stats.format("cot");
  }

  @Override
  public Observation next() throws IOException {
    while (true) {
      long start = findEventStart();
      if (start < 0) {
        stats.bytes(pos);
        return null;
      }
      int end = readEventBody();
      Source src = Source.atOffset(file, start);
      if (end == -1) {
        reject(src, "event not closed: input ends inside <event>", excerpt());
        stats.bytes(pos);
        return null;
      }
      if (end == -2) {
        reject(src, "event longer than " + MAX_EVENT + " bytes", excerpt());
        continue;
      }
      Observation o = parse(src);
      if (o != null) {
        stats.bytes(pos);
        return o;
      }
    }
  }

  // The framing looks at every byte: a private buffer instead of BufferedInputStream's
  // synchronized read() keeps a hostile 2 GB event from taking minutes.
  private final byte[] buf = new byte[1 << 16];
  private int bufPos;
  private int bufLen;

  private int readByte() throws IOException {
    if (bufPos == bufLen) {
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      if (pos == 0) {
        pos = io.watchline.feed.FeedInput.originOf(in); // after a skipped BOM: file offsets
      }
      if (n < 0) {
        return -1;
      }
      bufPos = 0;
      bufLen = n;
    }
    return buf[bufPos++] & 0xFF;
  }

  /** Skips to the next "<event" followed by a blank, '>' or '/', copies it in; offset or -1. */
  private long findEventStart() throws IOException {
    int matched = 0;
    while (true) {
      int c = readByte();
      if (c < 0) {
        return -1;
      }
      pos++;
      if (matched == OPEN.length) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/') {
          System.arraycopy(OPEN, 0, event, 0, OPEN.length);
          event[OPEN.length] = (byte) c;
          eventLen = OPEN.length + 1;
          return pos - OPEN.length - 1;
        }
        matched = 0;
      }
      if (c == OPEN[matched]) {
        matched++;
      } else {
        matched = c == OPEN[0] ? 1 : 0;
      }
    }
  }

  /** Reads up to and including "</event>"; returns the length, -1 at end of input, -2 if too long. */
  private int readEventBody() throws IOException {
    int matched = 0;
    boolean overlong = false;
    while (true) {
      if (bufPos == bufLen && readByte() >= 0) {
        bufPos--; // refilled: look at that byte again below
      }
      if (bufPos == bufLen) {
        return -1;
      }
      // Look for the close in what is buffered, then copy all of it at once.
      byte[] b = buf;
      int from = bufPos;
      int i = from;
      boolean closed = false;
      while (i < bufLen) {
        byte c = b[i++];
        if (c == CLOSE[matched]) {
          if (++matched == CLOSE.length) {
            closed = true;
            break;
          }
        } else {
          matched = c == CLOSE[0] ? 1 : 0;
        }
      }
      int k = i - from;
      bufPos = i;
      pos += k;
      if (!overlong) {
        int room = MAX_EVENT - eventLen;
        overlong = k > room;
        int keep = Math.min(k, room);
        if (eventLen + keep > event.length) {
          event = java.util.Arrays.copyOf(event, Math.min(MAX_EVENT, Math.max(event.length * 2, eventLen + keep)));
        }
        System.arraycopy(b, from, event, eventLen, keep);
        eventLen += keep;
      }
      if (closed) {
        return overlong ? -2 : eventLen;
      }
    }
  }

  /** The attributes of one event that make a fix; filled by the scanner or the SAX handler. */
  static final class EventFields extends DefaultHandler {
    String uid;
    String type;
    String time;
    String latText;
    String lonText;
    String callsign;
    String speed;
    String course;

    void clear() {
      uid = type = time = latText = lonText = callsign = speed = course = null;
    }

    @Override
    public void startElement(String ns, String local, String qName, Attributes a) {
      switch (qName) {
        case "event" -> {
          uid = a.getValue("uid");
          type = a.getValue("type");
          time = a.getValue("time");
        }
        case "point" -> {
          latText = a.getValue("lat");
          lonText = a.getValue("lon");
        }
        case "contact" -> callsign = a.getValue("callsign");
        case "track" -> {
          speed = a.getValue("speed");
          course = a.getValue("course");
        }
        default -> { }
      }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  }

  private final EventFields fields = new EventFields();
  private XMLReader sax;

  /** One SAX parser for the whole file: building a parser per event costs more than parsing it. */
  private XMLReader sax() throws SAXException {
    if (sax == null) {
      try {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        sax = f.newSAXParser().getXMLReader();
      } catch (javax.xml.parsers.ParserConfigurationException e) {
        throw new SAXException(e);
      }
      sax.setContentHandler(fields);
      sax.setErrorHandler(fields);
    }
    return sax;
  }

  private byte[] repaired = new byte[3 * 4096];
  private Utf8Repair repair;

  /**
   * Copies the event into {@code repaired} as UTF-8 XML text (a stray Latin-1 byte costs a
   * warning, not the event); returns its length.
   */
  private int repairEvent() {
    if (repair == null) {
      repair = new Utf8Repair(stats);
    }
    if (repaired.length < 3 * eventLen) {
      repaired = new byte[3 * eventLen];
    }
    int n = 0;
    for (int i = 0; i < eventLen; i++) {
      n = repair.put(event[i] & 0xff, repaired, n);
    }
    return repair.finish(repaired, n);
  }

  private final PlainEventScanner plain = new PlainEventScanner();
  private boolean scanPlain = true;

  /** Parses every event with the XML parser, as before the scanner: the oracle of its tests. */
  CotReader parserOnly() {
    scanPlain = false;
    return this;
  }

  private Observation parse(Source src) throws IOException {
    fields.clear();
    if (!scanPlain || !plain.scan(event, eventLen, fields)) {
      fields.clear();
      try {
        sax().parse(new InputSource(new ByteArrayInputStream(repaired, 0, repairEvent())));
      } catch (SAXException e) {
        sax = null; // a parser that failed is not trusted with the next event
        reject(src, "malformed CoT event: " + e.getMessage(), excerpt());
        return null;
      }
    }
    String uid = fields.uid;
    String type = fields.type;
    String time = fields.time;
    String latText = fields.latText;
    String lonText = fields.lonText;
    String callsign = fields.callsign;
    double speed = number(fields.speed);
    double course = number(fields.course);
    if (uid == null || uid.isBlank()) {
      reject(src, "CoT event without uid", excerpt());
      return null;
    }
    if (type == null) {
      reject(src, "CoT event without type", excerpt());
      return null;
    }
    if (!allTypes && !type.startsWith("a-f-G")) {
      stats.skipped("cot type not a friendly ground unit (" + family(type) + ")");
      return null;
    }
    double lat = number(latText);
    double lon = number(lonText);
    if (Double.isNaN(lat) || Double.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      reject(src, "CoT point lat/lon missing or out of range", excerpt());
      return null;
    }
    if (isAtakNoFix(lat, lon)) {
      reject(src, "ATAK no-fix position (-0.0043, -0.0077)", excerpt());
      return null;
    }
    Instant t;
    try {
      t = IsoTime.parse(time == null ? "" : time);
    } catch (DateTimeParseException e) {
      reject(src, "CoT event time '" + time + "' is not ISO-8601", excerpt());
      return null;
    }
    stats.emitted();
    // 9999999 marks unknown speed/course in TAK as well as unknown hae/ce.
    if (speed >= 9_999_999 || speed < 0) {
      speed = Double.NaN;
    }
    if (course >= 9_999_999 || course < 0) {
      course = Double.NaN;
    }
    return Observation.builder(t, Kind.PATROL).sensor(callsign != null ? callsign : uid).unit(uid)
        .seq(seq++).position(lat, lon).velocity(speed, course).src(src).build();
  }

  /** ATAK reports this spot just south-west of (0, 0) when the device has no GPS fix. */
  static boolean isAtakNoFix(double lat, double lon) {
    return Math.abs(lat + 0.0043) < 0.0005 && Math.abs(lon + 0.0077) < 0.0005;
  }

  /** The first three type atoms ("a-h-G" of "a-h-G-U-C"), so skip counts stay few. */
  static String family(String type) {
    int dashes = 0;
    for (int i = 0; i < type.length(); i++) {
      if (type.charAt(i) == '-' && ++dashes == 3) {
        return type.substring(0, i);
      }
    }
    return type;
  }

  private static double number(String s) {
    return io.watchline.feed.XmlNumber.parse(s);
  }

  private String excerpt() {
    int n = Math.min(eventLen, 200);
    String s = new String(event, 0, n, StandardCharsets.UTF_8);
    return eventLen > n ? s + "…" : s;
  }

  private void reject(Source src, String reason, String excerpt) {
    stats.rejected();
    rejects.reject(new Reject(src, reason, excerpt));
  }

  @Override
  public ReadStats stats() {
    return stats;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
