package io.watchline.geo.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * GeoJSON (RFC 7946) reading and writing. Reads a bare geometry, a Feature or a FeatureCollection,
 * keeping feature properties; a legacy {@code crs} member is accepted only when it names WGS84
 * lon/lat (CRS84 / EPSG:4326). Writes lon/lat, no {@code crs}, exterior rings counter-clockwise.
 */
public final class GeoJson {
  private GeoJson() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {};
  private static final GeometryFactory FACTORY = new GeometryFactory();

  public static List<GeoFeature> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  public static List<GeoFeature> read(InputStream in, String name) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new GeometryException(name + ": not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.CharConversionException e) {
      // Leading NUL bytes make Jackson guess UTF-16/32; a content error, not an I/O failure.
      throw new GeometryException(name + ": not valid JSON: not UTF-8 text");
    }
    if (root == null || !root.isObject()) {
      throw new GeometryException(name + ": not a GeoJSON object");
    }
    checkCrs(root, name);
    List<GeoFeature> out = new ArrayList<>();
    String type = root.path("type").asText("");
    switch (type) {
      case "FeatureCollection" -> {
        JsonNode features = root.path("features");
        if (!features.isArray()) {
          throw new GeometryException(name + ": FeatureCollection without a \"features\" array");
        }
        int i = 0;
        for (JsonNode f : features) {
          out.add(feature(f, name + " feature " + i++));
        }
      }
      case "Feature" -> out.add(feature(root, name));
      case "" -> throw new GeometryException(name + ": no GeoJSON \"type\" member");
      default -> out.add(new GeoFeature(Geometries.checked(geometry(root, name), name), Map.of()));
    }
    if (out.isEmpty()) {
      throw new GeometryException(name + ": no features");
    }
    return out;
  }

  private static void checkCrs(JsonNode root, String name) {
    JsonNode crs = root.get("crs");
    if (crs == null || crs.isNull()) {
      return;
    }
    String crsName = crs.path("properties").path("name").asText("");
    if (!(crsName.endsWith("CRS84") || crsName.endsWith("4326"))) {
      throw new GeometryException(name + ": coordinates in CRS '" + crsName + "'; only WGS84 lon/lat is supported");
    }
  }

  private static GeoFeature feature(JsonNode f, String name) {
    if (!"Feature".equals(f.path("type").asText())) {
      throw new GeometryException(name + ": expected a Feature, found '" + f.path("type").asText() + "'");
    }
    JsonNode g = f.get("geometry");
    if (g == null || g.isNull()) {
      throw new GeometryException(name + ": feature has no geometry");
    }
    Map<String, Object> props =
        f.path("properties").isObject() ? MAPPER.convertValue(f.get("properties"), PROPERTIES) : Map.of();
    return new GeoFeature(Geometries.checked(geometry(g, name), name), props);
  }

  static Geometry geometry(JsonNode g, String name) {
    String type = g.path("type").asText("");
    JsonNode c = g.get("coordinates");
    return switch (type) {
      case "Point" -> FACTORY.createPoint(position(c, name));
      case "MultiPoint" -> FACTORY.createMultiPointFromCoords(positions(c, name));
      case "LineString" -> line(c, name);
      case "MultiLineString" -> {
        List<org.locationtech.jts.geom.LineString> lines = new ArrayList<>();
        for (JsonNode l : array(c, name)) {
          lines.add(line(l, name));
        }
        yield FACTORY.createMultiLineString(lines.toArray(org.locationtech.jts.geom.LineString[]::new));
      }
      case "Polygon" -> polygon(c, name);
      case "MultiPolygon" -> {
        List<Polygon> polys = new ArrayList<>();
        for (JsonNode p : array(c, name)) {
          polys.add(polygon(p, name));
        }
        yield FACTORY.createMultiPolygon(polys.toArray(Polygon[]::new));
      }
      case "GeometryCollection" -> {
        List<Geometry> parts = new ArrayList<>();
        for (JsonNode p : g.path("geometries")) {
          parts.add(geometry(p, name));
        }
        yield FACTORY.createGeometryCollection(parts.toArray(Geometry[]::new));
      }
      default -> throw new GeometryException(name + ": unknown geometry type '" + type + "'");
    };
  }

  private static org.locationtech.jts.geom.LineString line(JsonNode c, String name) {
    Coordinate[] pts = positions(c, name);
    if (pts.length == 1) {
      throw new GeometryException(name + ": a LineString needs at least 2 positions");
    }
    return FACTORY.createLineString(pts);
  }

  private static Polygon polygon(JsonNode c, String name) {
    List<LinearRing> rings = new ArrayList<>();
    for (JsonNode r : array(c, name)) {
      Coordinate[] pts = positions(r, name);
      if (pts.length > 0 && (pts.length < 4 || !pts[0].equals2D(pts[pts.length - 1]))) {
        throw new GeometryException(name + ": polygon ring is not closed or has fewer than 4 positions");
      }
      rings.add(FACTORY.createLinearRing(pts));
    }
    if (rings.isEmpty()) {
      return FACTORY.createPolygon();
    }
    return FACTORY.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
  }

  private static JsonNode array(JsonNode c, String name) {
    if (c == null || !c.isArray()) {
      throw new GeometryException(name + ": geometry without a \"coordinates\" array");
    }
    return c;
  }

  private static Coordinate[] positions(JsonNode c, String name) {
    JsonNode arr = array(c, name);
    Coordinate[] out = new Coordinate[arr.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = position(arr.get(i), name);
    }
    return out;
  }

  private static Coordinate position(JsonNode p, String name) {
    if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new GeometryException(name + ": a position must be [lon, lat] numbers, found " + p);
    }
    return new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
  }

  /** Writes a FeatureCollection (RFC 7946: lon/lat, no crs, CCW exteriors). */
  public static void write(OutputStream out, List<GeoFeature> features) throws IOException {
    GeoJsonWriter gw = new GeoJsonWriter();
    gw.setEncodeCRS(false);
    gw.setForceCCW(true);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(nonClosing(out), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (GeoFeature f : features) {
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeFieldName("properties");
        MAPPER.writeValue(g, f.properties());
        g.writeFieldName("geometry");
        g.writeRawValue(gw.write(f.geometry()));
        g.writeEndObject();
      }
      g.writeRaw('\n');
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** Writes one FeatureCollection to a file (directly; the CLI wraps files in atomic outputs). */
  public static void write(Path file, List<GeoFeature> features) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out, features);
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
