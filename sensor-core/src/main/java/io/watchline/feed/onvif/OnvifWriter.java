package io.watchline.feed.onvif;

import io.watchline.geo.InvalidValueException;
import io.watchline.feed.Xml;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes thermal detections of one camera site as an ONVIF {@code tt:MetadataStream}: one
 * {@code tt:Frame} per distinct time (Source = site id), one {@code tt:Object} per detection with a
 * normalised bounding box whose centre x encodes the bearing inside the field of view, the class as
 * {@code tt:Type Likelihood}, and {@code tt:GeoLocation} when the detection has lat/lon.
 */
public final class OnvifWriter implements Closeable {
  private final Writer out;
  private final Site site;
  private Instant frame;
  private long nextId = 1;

  public OnvifWriter(OutputStream out, Site site) throws IOException {
    if (site.fovDeg() <= 0 || site.fovDeg() >= 360) {
      throw new InvalidValueException("camera site " + site.id() + " needs a field of view below 360");
    }
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.site = site;
    this.out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<tt:MetadataStream xmlns:tt=\"http://www.onvif.org/ver10/schema\">\n<tt:VideoAnalytics>\n");
  }

  public void write(Observation o) throws IOException {
    if (Double.isNaN(o.bearingDeg())) {
      throw new IllegalArgumentException("an ONVIF object needs a bearing");
    }
    double off = ((o.bearingDeg() - site.azimuthDeg()) % 360 + 540) % 360 - 180;
    double x = site.imageXOfBearing(o.bearingDeg());
    if (Math.abs(off) > site.fovDeg() / 2) {
      throw new IllegalArgumentException("bearing " + o.bearingDeg() + " is outside the field of view of " + site.id());
    }
    Instant t = o.t().minusMillis(site.clockOffsetMs());
    if (!t.equals(frame)) {
      if (frame != null) {
        out.write("  </tt:Frame>\n");
      }
      frame = t;
      out.write("  <tt:Frame UtcTime=\"" + IsoTime.format(t) + "\" Source=\"" + Xml.escape(site.id()) + "\">\n");
    }
    String id = objectId(o);
    out.write("    <tt:Object ObjectId=\"" + Xml.escape(id) + "\"><tt:Appearance><tt:Shape>");
    out.write(String.format(Locale.ROOT,
        "<tt:BoundingBox left=\"%.9f\" top=\"0.1\" right=\"%.9f\" bottom=\"-0.1\"/>", x - 0.02, x + 0.02));
    out.write("</tt:Shape>");
    if (o.cls() != null) {
      out.write("<tt:Class><tt:Type");
      if (!Double.isNaN(o.conf())) {
        out.write(String.format(Locale.ROOT, " Likelihood=\"%.4f\"", o.conf()));
      }
      out.write(">" + Xml.escape(capitalise(o.cls())) + "</tt:Type></tt:Class>");
    }
    if (o.hasPosition()) {
      out.write(String.format(Locale.ROOT, "<tt:GeoLocation lon=\"%.9f\" lat=\"%.9f\" elevation=\"0\"/>", o.lon(), o.lat()));
    }
    out.write("</tt:Appearance></tt:Object>\n");
  }

  private String objectId(Observation o) {
    if (o.track() != null) {
      return o.track().substring(o.track().lastIndexOf('/') + 1);
    }
    return Long.toString(nextId++);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  @Override
  public void close() throws IOException {
    if (frame != null) {
      out.write("  </tt:Frame>\n");
    }
    out.write("</tt:VideoAnalytics>\n</tt:MetadataStream>\n");
    out.close();
  }
}
