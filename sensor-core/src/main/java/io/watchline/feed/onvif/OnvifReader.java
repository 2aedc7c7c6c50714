package io.watchline.feed.onvif;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.feed.TrackedXmlInput;
import io.watchline.feed.XmlDocuments;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Thermal-camera detections from ONVIF analytics metadata ({@code tt:MetadataStream /
 * tt:VideoAnalytics / tt:Frame / tt:Object}), streamed with StAX (no DTDs, no external entities).
 * Each {@code tt:Object} is one record: object id, the most likely class (both the
 * {@code tt:ClassCandidate} form and the newer {@code tt:Type Likelihood=".."} form), the bounding
 * box centre (or centre of gravity) and {@code tt:GeoLocation} when present.
 *
 * <p>The horizontal image coordinate, normalised to -1 (left edge) .. 1 (right edge) after the
 * frame's {@code tt:Transformation}, becomes a true bearing with the camera site's azimuth and
 * field of view by the site's lens model: pinhole {@code azimuth + atan(x * tan(fov / 2))} unless
 * the site says {@code lens: linear} ({@code azimuth + x * fov / 2}). The site is the one named by
 * {@code --sensor}, or else the registry site whose id equals the frame's {@code Source} token.
 *
 * <p>A recorded stream of several documents back to back is read document by document ({@link
 * XmlDocuments}); a malformed one is rejected and the next one read.
 */
public final class OnvifReader implements FeedReader {
  private final TrackedXmlInput in;
  private final XmlDocuments documents;
  private boolean inputFailed;
  private long lineBase; // lines of the input before the current document's first line
  private XMLStreamReader xml; // null when the document broke before its first element
  private final String file;
  private final String sensorOption;
  private final SiteRegistry sites;
  private final RejectSink rejects;
  private final ReadStats stats;
  private boolean done;
  private long seq;

  // frame state
  private Instant frameTime;
  private String frameTimeText;
  private String frameSource;
  private double tx;
  private double ty;
  private double sx = 1;
  private double sy = 1;
  private int frameObjects;
  private boolean inFrame;
  private int frameLine;
  private final io.watchline.feed.StatusSink status;

  public OnvifReader(InputStream in, String file, String sensor, SiteRegistry sites, RejectSink rejects)
      throws IOException {
    this(in, file, sensor, sites, rejects, io.watchline.feed.StatusSink.NONE);
  }

  /** As above; frames without objects go to {@code status} as the camera's signs of life. */
  public OnvifReader(InputStream in, String file, String sensor, SiteRegistry sites, RejectSink rejects,
      io.watchline.feed.StatusSink status) throws IOException {
    this.status = status;
    this.file = file;
    this.sensorOption = sensor;
    this.sites = sites;
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    this.in = new TrackedXmlInput(in, stats);
    stats.format("onvif");
    this.documents = new XmlDocuments(this.in, "MetadataStream");
    try {
      documents.nextDocument();
      this.xml = this.in.parser(documents);
    } catch (XMLStreamException e) {
      // Not an I/O failure: the document is broken before its first element. One line, as every
      // whole-file verdict.
      FeedException fe = new FeedException(file + ": not well-formed XML: " + io.watchline.feed.XmlErrors.describe(e.getMessage()));
      fe.initCause(e);
      throw fe;
    }
  }

  @Override
  public Observation next() throws IOException {
    while (!done) {
      Observation o = nextInDocument();
      if (o != null) {
        return o;
      }
      // After a failure of the input itself (not of the XML in it) there is nothing to resume at.
      done = inputFailed || !openNextDocument();
    }
    return null;
  }

  /**
   * The next document of a recorded stream, if any. A document that breaks in its XML
   * declaration costs only itself: rejected at its line, and the one after it is read.
   */
  private boolean openNextDocument() throws IOException {
    closeParser();
    inFrame = false;
    if (!documents.nextDocument()) {
      return false;
    }
    lineBase = documents.firstLine() - 1;
    try {
      xml = in.parser(documents);
    } catch (XMLStreamException e) {
      reject(at(1), "malformed XML document: " + io.watchline.feed.XmlErrors.describe(e.getMessage()), null);
    }
    return true;
  }

  /** The next object of the current document; null at its end or when it breaks (rejected). */
  private Observation nextInDocument() throws IOException {
    if (xml == null) {
      return null;
    }
    Source src = null;
    try {
      while (xml.hasNext()) {
        // The parser's location after an event is where that event ended (and may already be
        // past it); the one before the event is where its start tag began.
        int startLine = xml.getLocation().getLineNumber();
        int ev = xml.next();
        if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Frame")) {
          if (frameObjects == 0) {
            stats.skipped("onvif frame without objects");
            emptyFrame(frameLine);
          }
          inFrame = false;
          continue;
        }
        if (ev != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        switch (xml.getLocalName()) {
          case "Frame" -> {
            frameLine = startLine;
            startFrame();
          }
          case "Transformation" -> {
            if (inFrame) {
              readTransformation();
            }
          }
          case "Object" -> {
            if (inFrame) {
              src = at(startLine);
              frameObjects++;
              Observation o = readObject(src);
              src = null;
              if (o != null) {
                return o;
              }
            }
          }
          default -> { }
        }
      }
    } catch (XMLStreamException e) {
      inputFailed = causedByInput(e);
      Location loc = e.getLocation();
      String where = loc == null ? "" : " at line " + (lineBase + loc.getLineNumber()) + " column " + loc.getColumnNumber();
      Source at = src != null ? src
          : loc == null ? Source.atOffset(file, in.position()) : at(loc.getLineNumber());
      reject(at, "malformed or truncated XML" + where + ": " + io.watchline.feed.XmlErrors.describe(e.getMessage()), null);
    }
    return null;
  }

  private static boolean causedByInput(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof IOException || (c instanceof XMLStreamException x && x.getNestedException() instanceof IOException)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A frame with nothing in it still says the camera's analytics are running: handed to the status
   * sink when its time and camera are known (coverage reads a quiet camera as up, not down).
   */
  private void emptyFrame(int line) {
    Site site = site();
    String sensor = site != null ? site.id() : sensorOption != null ? sensorOption : frameSource;
    if (frameTime == null || sensor == null) {
      return;
    }
    Instant t = site == null ? frameTime : frameTime.plusMillis(site.clockOffsetMs());
    status.alive(new io.watchline.feed.SensorStatus(t, sensor, "empty analytics frame", at(line)));
  }

  private void startFrame() {
    inFrame = true;
    frameObjects = 0;
    tx = 0;
    ty = 0;
    sx = 1;
    sy = 1;
    frameTimeText = xml.getAttributeValue(null, "UtcTime");
    frameSource = xml.getAttributeValue(null, "Source");
    frameTime = null;
    if (frameTimeText != null) {
      try {
        frameTime = OnvifValues.parseTime(frameTimeText.trim());
      } catch (DateTimeParseException e) {
        frameTime = null;
      }
    }
  }

  private void readTransformation() throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        depth++;
        if (xml.getLocalName().equals("Translate")) {
          tx = num(xml.getAttributeValue(null, "x"), 0);
          ty = num(xml.getAttributeValue(null, "y"), 0);
        } else if (xml.getLocalName().equals("Scale")) {
          sx = num(xml.getAttributeValue(null, "x"), 1);
          sy = num(xml.getAttributeValue(null, "y"), 1);
        }
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private Observation readObject(Source src) throws XMLStreamException {
    String id = xml.getAttributeValue(null, "ObjectId");
    double left = Double.NaN;
    double right = Double.NaN;
    double cogX = Double.NaN;
    double geoLat = Double.NaN;
    double geoLon = Double.NaN;
    String bestClass = null;
    double bestLikelihood = Double.NaN;
    String candType = null;
    double candLikelihood = Double.NaN;
    boolean inCandidate = false;
    int depth = 1;
    while (depth > 0) {
      int e = xml.next();
      if (e == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (xml.getLocalName().equals("ClassCandidate")) {
          inCandidate = false;
          if (candType != null && (bestClass == null || better(candLikelihood, bestLikelihood))) {
            bestClass = candType;
            bestLikelihood = candLikelihood;
          }
        }
        continue;
      }
      if (e != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      depth++;
      switch (xml.getLocalName()) {
        case "BoundingBox" -> {
          left = num(xml.getAttributeValue(null, "left"), Double.NaN);
          right = num(xml.getAttributeValue(null, "right"), Double.NaN);
        }
        case "CenterOfGravity" -> cogX = num(xml.getAttributeValue(null, "x"), Double.NaN);
        case "GeoLocation" -> {
          geoLat = num(xml.getAttributeValue(null, "lat"), Double.NaN);
          geoLon = num(xml.getAttributeValue(null, "lon"), Double.NaN);
        }
        case "ClassCandidate" -> {
          inCandidate = true;
          candType = null;
          candLikelihood = Double.NaN;
        }
        case "Type" -> {
          String lk = xml.getAttributeValue(null, "Likelihood");
          String text = xml.getElementText().trim();
          depth--;
          if (inCandidate) {
            candType = text;
          } else if (!text.isEmpty()) {
            double l = num(lk, Double.NaN);
            if (bestClass == null || better(l, bestLikelihood)) {
              bestClass = text;
              bestLikelihood = l;
            }
          }
        }
        case "Likelihood" -> {
          String text = xml.getElementText();
          depth--;
          if (inCandidate) {
            candLikelihood = num(text, Double.NaN);
          }
        }
        default -> { }
      }
    }
    if (frameTime == null) {
      reject(src, frameTimeText == null ? "frame without UtcTime" : "frame UtcTime '" + frameTimeText + "' is not ISO-8601", excerpt(id));
      return null;
    }
    Site site = site();
    boolean hasGeo = !Double.isNaN(geoLat) && !Double.isNaN(geoLon) && Math.abs(geoLat) <= 90 && Math.abs(geoLon) <= 180;
    double x = !Double.isNaN(left) && !Double.isNaN(right) ? (left + right) / 2 : cogX;
    if (site == null && !hasGeo) {
      reject(src, "no camera site for source '" + (frameSource == null ? "" : frameSource)
          + "' (give --sensor SITE or a sites entry with that id) and no GeoLocation", excerpt(id));
      return null;
    }
    String sensor = site != null ? site.id() : sensorOption != null ? sensorOption : frameSource;
    Instant t = site == null ? frameTime : frameTime.plusMillis(site.clockOffsetMs());
    // A likelihood outside 0..1 is a broken camera field, not a reason to lose the detection;
    // the canonical record (and fuse, reading it back) only takes 0..1.
    double conf = bestLikelihood;
    if (!Double.isNaN(conf) && !(conf >= 0 && conf <= 1)) {
      stats.warn("onvif likelihood outside 0..1 (confidence left out)");
      conf = Double.NaN;
    }
    Observation.Builder o = Observation.builder(t, Kind.THERMAL).sensor(sensor).seq(seq++).src(src)
        .cls(OnvifValues.normaliseClass(bestClass)).conf(conf);
    if (id != null) {
      o.track(sensor + "/" + id);
    }
    if (hasGeo) {
      o.position(geoLat, geoLon);
      if (site != null) {
        o.polar(Geodesy.distance(site.lat(), site.lon(), geoLat, geoLon),
            Geodesy.bearing(site.lat(), site.lon(), geoLat, geoLon));
      }
    } else {
      if (Double.isNaN(x)) {
        reject(src, "object without BoundingBox, CenterOfGravity or GeoLocation", excerpt(id));
        return null;
      }
      if (site.fovDeg() >= 360 || site.fovDeg() <= 0) {
        reject(src, "camera site " + site.id() + " has no field of view (fov_deg) to turn image x into a bearing", excerpt(id));
        return null;
      }
      double nx = x * sx + tx;
      if (nx < -1.0001 || nx > 1.0001) {
        reject(src, "bounding box centre x " + nx + " is outside the image (-1..1)", excerpt(id));
        return null;
      }
      o.polar(Double.NaN, site.bearingOfImageX(nx));
    }
    stats.emitted();
    return o.build();
  }

  /** Built only for a reject: most objects are not. */
  private String excerpt(String id) {
    return "<tt:Object ObjectId=\"" + id + "\"> in frame " + frameTimeText;
  }

  private static boolean better(double l, double best) {
    return !Double.isNaN(l) && (Double.isNaN(best) || l > best);
  }

  private Site site() {
    if (sensorOption != null) {
      return sites.byId(sensorOption);
    }
    return frameSource == null ? null : sites.byId(frameSource);
  }

  /** The line and the byte offset where it starts (the parser's own offsets count characters). */
  private Source at(int documentLine) {
    long line = lineBase + documentLine;
    long offset = in.lineStart(line);
    return Source.atLine(file, offset >= 0 ? offset : in.position(), line);
  }

  private static double num(String s, double dflt) {
    if (s == null) {
      return dflt;
    }
    double v = io.watchline.feed.XmlNumber.parse(s);
    if (!Double.isNaN(v)) {
      return v;
    }
    try { // NaN: "NaN" itself, or no number (the default)
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
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
    closeParser();
    in.close();
  }

  private void closeParser() {
    try {
      if (xml != null) {
        xml.close();
      }
    } catch (XMLStreamException e) {
      // nothing more to say about a broken document
    }
    xml = null;
  }
}
