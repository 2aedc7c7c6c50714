package io.watchline.geo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

class GeometryFilesTest {
  static Path fixture(String rel) {
    Path p = Path.of(System.getProperty("user.dir")).getParent().resolve("fixtures/data/borders").resolve(rel);
    assertThat(p).exists();
    return p;
  }

  @Test
  void theSameBorderReadsAlikeFromGeoJsonKmlAndGeoPackage() throws Exception {
    // KML and GeoPackage copies were written by GDAL's ogr2ogr from the GeoJSON: an independent writer.
    GeoFeature json = GeometryFiles.read(fixture("mne-alb.geojson")).get(0);
    GeoFeature kml = GeometryFiles.read(fixture("formats/mne-alb.kml")).get(0);
    GeoFeature gpkg = GeometryFiles.read(fixture("formats/mne-alb.gpkg")).get(0);
    assertThat(json.geometry().getGeometryType()).isEqualTo(Geometry.TYPENAME_LINESTRING);
    assertThat(json.geometry().getNumPoints()).isEqualTo(80);
    assertThat(kml.geometry().equalsExact(json.geometry(), 1e-8)).isTrue();
    assertThat(gpkg.geometry().equalsExact(json.geometry(), 1e-8)).isTrue();
    for (GeoFeature f : List.of(json, kml, gpkg)) {
      assertThat(f.string("side_left")).isEqualTo("ALB");
      assertThat(f.string("side_right")).isEqualTo("MNE");
    }
    assertThat(kml.string("name")).isEqualTo("MNE-ALB");
  }

  @Test
  void wktOnePerLineWithCommentsAndSrid(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("sectors.wkt");
    Files.writeString(f, "# two sectors\nPOLYGON ((19 42, 19.1 42, 19.1 42.1, 19 42.1, 19 42))\n\nSRID=4326;POLYGON ((19.1 42, 19.2 42, 19.2 42.1, 19.1 42))\n");
    List<GeoFeature> fs = GeometryFiles.read(f);
    assertThat(fs).hasSize(2);
    assertThat(fs.get(0).geometry().getGeometryType()).isEqualTo(Geometry.TYPENAME_POLYGON);
    assertThat(fs.get(1).geometry().getArea()).isCloseTo(0.005, org.assertj.core.api.Assertions.within(1e-12));
    Files.writeString(f, "SRID=32634;POINT (500000 4650000)\n");
    assertThatThrownBy(() -> GeometryFiles.read(f)).isInstanceOf(GeometryException.class).hasMessageContaining("SRID 32634");
  }

  @Test
  void invalidAndEmptyGeometriesAreClearErrors(@TempDir Path dir) throws Exception {
    Path bowtie = dir.resolve("bowtie.geojson");
    Files.writeString(bowtie, "{\"type\":\"Polygon\",\"coordinates\":[[[19,42],[19.1,42.1],[19.1,42],[19,42.1],[19,42]]]}");
    assertThatThrownBy(() -> GeometryFiles.read(bowtie))
        .isInstanceOf(GeometryException.class)
        .hasMessageContaining("invalid Polygon")
        .hasMessageContaining("Self-intersection");
    Path empty = dir.resolve("empty.wkt");
    Files.writeString(empty, "LINESTRING EMPTY");
    assertThatThrownBy(() -> GeometryFiles.read(empty)).hasMessageContaining("empty geometry");
    Path projected = dir.resolve("utm.geojson");
    Files.writeString(projected, "{\"type\":\"LineString\",\"coordinates\":[[500000,4650000],[501000,4651000]]}");
    assertThatThrownBy(() -> GeometryFiles.read(projected)).hasMessageContaining("not lon/lat");
    Path openRing = dir.resolve("open.kml");
    Files.writeString(openRing, "<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>19,42 19.1,42 19.1,42.1</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>");
    assertThatThrownBy(() -> GeometryFiles.read(openRing)).hasMessageContaining("not closed");
    Path junk = dir.resolve("junk.txt");
    Files.writeString(junk, "hello");
    assertThatThrownBy(() -> GeometryFiles.read(junk)).hasMessageContaining("not a recognised geometry file");
  }

  @Test
  void kmlExternalEntitiesAreNotResolved(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "19,42 19.1,42");
    Path f = dir.resolve("xxe.kml");
    Files.writeString(f, "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
        + "<kml><Placemark><LineString><coordinates>&x;</coordinates></LineString></Placemark></kml>");
    assertThatThrownBy(() -> GeometryFiles.read(f)).isInstanceOf(GeometryException.class);
  }

  @Test
  void geoJsonWriteIsRfc7946(@TempDir Path dir) throws Exception {
    // A clockwise exterior ring in, counter-clockwise out; no crs member; lon first.
    Geometry cw = new org.locationtech.jts.io.WKTReader().read("POLYGON ((19 42, 19 42.1, 19.1 42.1, 19.1 42, 19 42))");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GeoJson.write(out, List.of(new GeoFeature(cw, Map.of("id", "S-01"))));
    JsonNode fc = new ObjectMapper().readTree(out.toByteArray());
    assertThat(fc.has("crs")).isFalse();
    JsonNode ring = fc.at("/features/0/geometry/coordinates/0");
    assertThat(ring.get(0).get(0).asDouble()).isEqualTo(19.0);
    assertThat(org.locationtech.jts.algorithm.Orientation.isCCW(
        GeoJson.read(new java.io.ByteArrayInputStream(out.toByteArray()), "x").get(0).geometry().getCoordinates())).isTrue();
    assertThat(fc.at("/features/0/properties/id").asText()).isEqualTo("S-01");
  }
}
