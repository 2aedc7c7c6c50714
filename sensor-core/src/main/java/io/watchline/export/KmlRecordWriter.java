package io.watchline.export;

import io.watchline.incident.Incident;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Observation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * KML 2.2 for Google Earth, streamed: one Placemark per record, styled by kind (incidents red,
 * orange, yellow by kind; radar, thermal, patrol in their own colours), with the record's fields
 * as ExtendedData and a TimeSpan/TimeStamp so the time slider works. An incident's geometry is a
 * MultiGeometry of its point and its track LineString; an observation is a Point (no geometry
 * when it has no position); a fused track is a LineString (grey, or green for a patrol).
 */
public final class KmlRecordWriter implements RecordWriter {
  private static final String NS = "http://www.opengis.net/kml/2.2";
  /** KML colours are aabbggrr. */
  private static final Map<String, String> COLOURS =
      Map.of(
          "welfare", "ffff5500",
          "crossing", "ff0000e6",
          "approach", "ff008cff",
          "loiter", "ff00d7ff",
          "radar", "ffb48246",
          "thermal", "ffb469ff",
          "patrol", "ff32cd32",
          "track", "ff808080");
  private static final String[] STYLE_ORDER = {"welfare", "crossing", "approach", "loiter", "radar", "thermal", "patrol", "track"};

  private final Writer out;
  private final XMLStreamWriter x;

  public KmlRecordWriter(OutputStream stream, String documentName) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    try {
      x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      nl();
      x.writeStartElement("kml");
      x.writeDefaultNamespace(NS);
      x.writeStartElement("Document");
      element("name", documentName);
      for (String kind : STYLE_ORDER) {
        nl();
        style(kind);
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void style(String kind) throws XMLStreamException {
    boolean incident = kind.equals("crossing") || kind.equals("approach") || kind.equals("loiter") || kind.equals("welfare");
    x.writeStartElement("Style");
    x.writeAttribute("id", kind);
    x.writeStartElement("IconStyle");
    element("color", COLOURS.get(kind));
    element("scale", incident ? "1.2" : "0.6");
    x.writeEndElement();
    x.writeStartElement("LineStyle");
    element("color", COLOURS.get(kind));
    element("width", "3");
    x.writeEndElement();
    x.writeEndElement();
  }

  @Override
  public void write(CanonicalRecord r) throws IOException {
    try {
      nl();
      if (r instanceof CanonicalRecord.Obs o) {
        observation(o.observation());
      } else if (r instanceof CanonicalRecord.Inc i) {
        incident(i.incident());
      } else if (r instanceof CanonicalRecord.Trk t) {
        fusedTrack(t.track());
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void incident(Incident i) throws XMLStreamException {
    x.writeStartElement("Placemark");
    x.writeAttribute("id", i.id());
    element("name", i.id());
    element("description", ExportFields.summary(i));
    x.writeStartElement("TimeSpan");
    element("begin", ExportFields.time(i.start()));
    element("end", ExportFields.time(i.end()));
    x.writeEndElement();
    element("styleUrl", "#" + i.kind().wireName());
    x.writeStartElement("ExtendedData");
    data("record", "incident");
    data("kind", i.kind().wireName());
    data("sector", i.sector());
    data("side", i.side());
    data("score", ExportFields.number(i.score()));
    for (Map.Entry<String, Object> f : i.factors().entrySet()) {
      data("factor." + f.getKey(), String.valueOf(f.getValue()));
    }
    data("evidence_count", Integer.toString(i.evidence().size()));
    data("evidence", ExportFields.evidence(i.evidence()));
    x.writeEndElement();
    boolean line = i.track().size() >= 2;
    if (line) x.writeStartElement("MultiGeometry");
    point(i.lon(), i.lat());
    if (line) {
      x.writeStartElement("LineString");
      element("tessellate", "1");
      StringBuilder c = new StringBuilder();
      for (TrackPoint p : i.track()) {
        if (c.length() > 0) c.append(' ');
        c.append(p.lon()).append(',').append(p.lat());
      }
      element("coordinates", c.toString());
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private void fusedTrack(TrackRecord t) throws XMLStreamException {
    x.writeStartElement("Placemark");
    x.writeAttribute("id", "track-" + t.id());
    element("name", t.text("label") != null ? t.text("label") : "track " + t.id());
    x.writeStartElement("TimeSpan");
    element("begin", ExportFields.time(t.start()));
    element("end", ExportFields.time(t.end()));
    x.writeEndElement();
    element("styleUrl", t.patrol() ? "#patrol" : "#track");
    x.writeStartElement("ExtendedData");
    data("record", "track");
    data("track", t.id());
    for (Map.Entry<String, Object> e : t.properties().entrySet()) {
      data(e.getKey(), String.valueOf(e.getValue()));
    }
    x.writeEndElement();
    if (t.points().size() == 1) {
      point(t.points().get(0).lon(), t.points().get(0).lat());
    } else {
      x.writeStartElement("LineString");
      element("tessellate", "1");
      StringBuilder c = new StringBuilder();
      for (TrackPoint p : t.points()) {
        if (c.length() > 0) c.append(' ');
        c.append(p.lon()).append(',').append(p.lat());
      }
      element("coordinates", c.toString());
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private void observation(Observation o) throws XMLStreamException {
    x.writeStartElement("Placemark");
    element("name", ExportFields.label(o));
    x.writeStartElement("TimeStamp");
    element("when", ExportFields.time(o.t()));
    x.writeEndElement();
    element("styleUrl", "#" + o.kind().wireName());
    x.writeStartElement("ExtendedData");
    data("record", "observation");
    data("kind", o.kind().wireName());
    data("sensor", o.sensor());
    data("seq", o.seq() >= 0 ? Long.toString(o.seq()) : null);
    data("range_m", ExportFields.number(o.rangeM()));
    data("bearing_deg", ExportFields.number(o.bearingDeg()));
    data("track", o.track());
    data("speed_mps", ExportFields.number(o.speedMps()));
    data("course_deg", ExportFields.number(o.courseDeg()));
    data("cls", o.cls());
    data("conf", ExportFields.number(o.conf()));
    data("unit", o.unit());
    data("src", ExportFields.source(o.src()));
    x.writeEndElement();
    if (o.hasPosition()) {
      point(o.lon(), o.lat());
    }
    x.writeEndElement();
  }

  private void point(double lon, double lat) throws XMLStreamException {
    x.writeStartElement("Point");
    element("coordinates", lon + "," + lat);
    x.writeEndElement();
  }

  private void data(String name, String value) throws XMLStreamException {
    if (value == null || value.isEmpty()) return;
    x.writeStartElement("Data");
    x.writeAttribute("name", name);
    element("value", value);
    x.writeEndElement();
  }

  private void element(String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private void nl() throws XMLStreamException {
    x.writeCharacters("\n");
  }

  @Override
  public void finish() throws IOException {
    try {
      nl();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      out.write('\n');
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
