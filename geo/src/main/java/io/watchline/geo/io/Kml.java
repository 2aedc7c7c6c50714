package io.watchline.geo.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * KML 2.2 placemarks: Point, LineString, LinearRing, Polygon (outer and inner boundaries) and
 * MultiGeometry, with the placemark's {@code name} and ExtendedData ({@code Data/value} and
 * {@code SimpleData}) as properties. Read with StAX, DTDs and external entities disabled.
 */
public final class Kml {
  private Kml() {}

  private static final GeometryFactory FACTORY = new GeometryFactory();

  public static List<GeoFeature> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  public static List<GeoFeature> read(InputStream in, String name) throws IOException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<GeoFeature> out = new ArrayList<>();
    try {
      XMLStreamReader r = f.createXMLStreamReader(in);
      int placemark = 0;
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && "Placemark".equals(r.getLocalName())) {
          String label = name + " placemark " + placemark++;
          GeoFeature feature = placemark(r, label);
          if (feature != null) {
            out.add(feature);
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new GeometryException(name + ": not well-formed KML: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new GeometryException(name + ": no placemark with a geometry");
    }
    return out;
  }

  private static GeoFeature placemark(XMLStreamReader r, String label) throws XMLStreamException {
    Map<String, Object> props = new LinkedHashMap<>();
    List<Geometry> geometries = new ArrayList<>();
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (r.getLocalName()) {
        case "name" -> props.put("name", r.getElementText().strip());
        case "SimpleData" -> {
          String key = r.getAttributeValue(null, "name");
          props.put(key, r.getElementText().strip());
        }
        case "Data" -> {
          String key = r.getAttributeValue(null, "name");
          String value = dataValue(r);
          props.put(key, value);
        }
        case "Point", "LineString", "LinearRing", "Polygon", "MultiGeometry" -> geometries.add(geometry(r, label));
        default -> depth++;
      }
    }
    if (geometries.isEmpty()) {
      return null;
    }
    Geometry g = geometries.size() == 1 ? geometries.get(0) : FACTORY.buildGeometry(geometries);
    return new GeoFeature(Geometries.checked(g, label), props);
  }

  /** The text of {@code <value>} inside the current {@code <Data>}; leaves the reader after {@code </Data>}. */
  private static String dataValue(XMLStreamReader r) throws XMLStreamException {
    String value = null;
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        if ("value".equals(r.getLocalName())) {
          value = r.getElementText().strip();
        } else {
          depth++;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    return value;
  }

  /** Reads the geometry element the reader is on, leaving it after its end tag. */
  private static Geometry geometry(XMLStreamReader r, String label) throws XMLStreamException {
    String type = r.getLocalName();
    List<Geometry> parts = new ArrayList<>();
    List<Coordinate[]> coordinates = new ArrayList<>();
    List<LinearRing> inner = new ArrayList<>();
    LinearRing outer = null;
    String boundary = null;
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if ("outerBoundaryIs".equals(r.getLocalName()) || "innerBoundaryIs".equals(r.getLocalName())) {
          boundary = null;
        }
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String el = r.getLocalName();
      if ("MultiGeometry".equals(type) && (el.equals("Point") || el.equals("LineString") || el.equals("LinearRing")
          || el.equals("Polygon") || el.equals("MultiGeometry"))) {
        parts.add(geometry(r, label));
      } else if ("coordinates".equals(el)) {
        Coordinate[] c = coordinates(r.getElementText(), label);
        if ("Polygon".equals(type)) {
          LinearRing ring = ring(c, label);
          if ("inner".equals(boundary)) {
            inner.add(ring);
          } else {
            outer = ring;
          }
        } else {
          coordinates.add(c);
        }
      } else {
        if ("outerBoundaryIs".equals(el)) {
          boundary = "outer";
        } else if ("innerBoundaryIs".equals(el)) {
          boundary = "inner";
        }
        depth++;
      }
    }
    return switch (type) {
      case "Point" -> coordinates.isEmpty() ? FACTORY.createPoint() : FACTORY.createPoint(coordinates.get(0)[0]);
      case "LineString" -> {
        if (coordinates.isEmpty() || coordinates.get(0).length < 2) {
          throw new GeometryException(label + ": a LineString needs at least 2 positions");
        }
        yield FACTORY.createLineString(coordinates.get(0));
      }
      case "LinearRing" -> coordinates.isEmpty() ? FACTORY.createLinearRing() : ring(coordinates.get(0), label);
      case "Polygon" -> outer == null ? FACTORY.createPolygon() : FACTORY.createPolygon(outer, inner.toArray(LinearRing[]::new));
      default -> FACTORY.buildGeometry(parts);
    };
  }

  private static LinearRing ring(Coordinate[] c, String label) {
    if (c.length < 4 || !c[0].equals2D(c[c.length - 1])) {
      throw new GeometryException(label + ": polygon ring is not closed or has fewer than 4 positions");
    }
    return FACTORY.createLinearRing(c);
  }

  /** KML tuples "lon,lat[,alt]" separated by white space. */
  private static Coordinate[] coordinates(String text, String label) {
    String t = text.strip();
    if (t.isEmpty()) {
      return new Coordinate[0];
    }
    String[] tuples = t.split("\\s+");
    Coordinate[] out = new Coordinate[tuples.length];
    for (int i = 0; i < tuples.length; i++) {
      String[] v = tuples[i].split(",");
      try {
        out[i] = new Coordinate(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
      } catch (RuntimeException e) {
        throw new GeometryException(label + ": bad KML coordinate tuple '" + tuples[i] + "' (expected lon,lat[,alt])");
      }
    }
    return out;
  }
}
