package io.watchline.feed.gpx;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedReader;
import io.watchline.feed.TrackedXmlInput;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Patrol fixes from GPX 1.0 and 1.1: every {@code trkpt} and {@code wpt} with a time. Points
 * without a time cannot be placed on the night's timeline and are rejected. Streams with StAX;
 * provenance is the line of the point's start tag and the byte offset where that line starts.
 * A document cut in the middle keeps every point before the cut and rejects the rest once.
 */
public final class GpxReader implements FeedReader {
  private final TrackedXmlInput in;
  private XMLStreamReader xml; // null when the document broke before its first element
  private final String file;
  private final String unit;
  private final RejectSink rejects;
  private final ReadStats stats;
  private boolean done;
  private long seq;

  public GpxReader(InputStream in, String file, String unit, RejectSink rejects) throws IOException {
    this.file = file;
    this.unit = unit;
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    this.in = new TrackedXmlInput(in, stats);
    stats.format("gpx");
    try {
      this.xml = this.in.parser();
    } catch (XMLStreamException e) {
      // Not an I/O failure: the document is broken before its first element. One line, as every
      // whole-file verdict.
      FeedException fe = new FeedException(file + ": not well-formed XML: " + GpxReader.firstLine(e.getMessage()));
      fe.initCause(e);
      throw fe;
    }
  }

  @Override
  public Observation next() throws IOException {
    if (done || xml == null) {
      return null;
    }
    Source src = null;
    String[] point = null; // name, lat, lon of the point being read: its excerpt if rejected
    try {
      while (xml.hasNext()) {
        // The parser's location after an event is where that event ended; the one before the
        // event is where its start tag began (a tag may span lines).
        int startLine = xml.getLocation().getLineNumber();
        int ev = xml.next();
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = xml.getLocalName();
        if (!name.equals("trkpt") && !name.equals("wpt")) {
          continue;
        }
        src = at(startLine);
        String latText = xml.getAttributeValue(null, "lat");
        String lonText = xml.getAttributeValue(null, "lon");
        point = new String[] {name, latText, lonText};
        String time = null;
        double speed = Double.NaN;
        double course = Double.NaN;
        int depth = 1;
        while (depth > 0) {
          int e = xml.next();
          if (e == XMLStreamConstants.START_ELEMENT) {
            depth++;
            if (depth == 2) {
              switch (xml.getLocalName()) {
                case "time" -> time = xml.getElementText().trim();
                case "speed" -> speed = parse(xml.getElementText());
                case "course" -> course = parse(xml.getElementText());
                default -> { }
              }
              if (xml.getEventType() == XMLStreamConstants.END_ELEMENT) {
                depth--;
              }
            }
          } else if (e == XMLStreamConstants.END_ELEMENT) {
            depth--;
          }
        }
        double lat = parse(latText);
        double lon = parse(lonText);
        if (Double.isNaN(lat) || Double.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          reject(src, name + " lat/lon missing or out of range", excerpt(point));
          continue;
        }
        if (time == null || time.isEmpty()) {
          reject(src, name + " without time", excerpt(point));
          continue;
        }
        Instant t;
        try {
          t = parseTime(time);
        } catch (DateTimeParseException ex) {
          reject(src, name + " time '" + time + "' is not ISO-8601", excerpt(point));
          continue;
        }
        stats.emitted();
        return Observation.builder(t, Kind.PATROL).sensor(unit).unit(unit).seq(seq++)
            .position(lat, lon).velocity(speed, course).src(src).build();
      }
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNumber() + " column " + loc.getColumnNumber();
      Source at = src != null ? src
          : loc == null ? Source.atOffset(file, in.position())
          : at(loc.getLineNumber());
      reject(at, "malformed or truncated XML" + where + ": " + io.watchline.feed.XmlErrors.describe(e.getMessage()), excerpt(point));
    }
    done = true;
    return null;
  }

  /** Built only for a reject: most points are not. */
  private static String excerpt(String[] point) {
    return point == null ? null : "<" + point[0] + " lat=\"" + point[1] + "\" lon=\"" + point[2] + "\">";
  }

  /** The line and the byte offset where it starts (the parser's own offsets count characters). */
  private Source at(int line) {
    long offset = in.lineStart(line);
    return Source.atLine(file, offset >= 0 ? offset : in.position(), line);
  }

  static Instant parseTime(String s) {
    // GPX times are xsd:dateTime, normally with Z; a missing zone is read as UTC.
    try {
      return IsoTime.parse(s);
    } catch (DateTimeParseException e) {
      return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
    }
  }

  private static double parse(String s) {
    return io.watchline.feed.XmlNumber.parse(s);
  }

  static String firstLine(String msg) {
    if (msg == null) {
      return "";
    }
    String s = msg.strip();
    int i = s.lastIndexOf("Message: ");
    if (i >= 0) {
      s = s.substring(i + 9);
    }
    return s.lines().findFirst().orElse("");
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
    try {
      if (xml != null) {
        xml.close();
      }
    } catch (XMLStreamException e) {
      // closing a broken parser says nothing new
    }
    in.close();
  }

}
