package io.watchline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.kml.KMLReader;

/** Every export format is read back with an independent reader and compared field by field. */
class ExportRoundTripTest {
  /** Two incidents (one with a 3-point track), three observations (one polar-only) and two bad lines. */
  static final String INPUT =
      String.join("\n",
          "{\"id\":\"INC-20261127-0001\",\"start\":\"2026-11-27T23:10:00.000Z\",\"end\":\"2026-11-27T23:14:05.250Z\","
              + "\"lat\":42.0712,\"lon\":19.3311,\"sector\":\"S-07\",\"side\":\"ALB→MNE\",\"kind\":\"crossing\",\"score\":0.91,"
              + "\"factors\":{\"corroborated\":2,\"night\":true},"
              + "\"track\":[[19.33,42.07,\"2026-11-27T23:10:00.000Z\"],[19.331,42.0712,\"2026-11-27T23:12:00.000Z\"],[19.332,42.072,\"2026-11-27T23:14:05.250Z\"]],"
              + "\"evidence\":[{\"file\":\"radar, east.ast\",\"offset\":18234},{\"file\":\"cam.xml\",\"offset\":77,\"line\":3}]}",
          "{\"t\":\"2026-11-27T23:14:05.250Z\",\"kind\":\"radar\",\"sensor\":\"RDR-07\",\"seq\":1234,\"lat\":42.0712,\"lon\":19.3311,"
              + "\"range_m\":5230.0,\"bearing_deg\":131.2,\"track\":\"RDR-07/4711\",\"speed_mps\":1.3,\"course_deg\":210.0,\"cls\":\"human\",\"conf\":0.82,"
              + "\"src\":{\"file\":\"radar.ast\",\"offset\":18234}}",
          "not json at all",
          "{\"t\":\"2026-11-27T23:20:00.000Z\",\"kind\":\"thermal\",\"sensor\":\"CAM-02\",\"range_m\":800.0,\"bearing_deg\":95.5,\"cls\":\"human\"}",
          "{\"id\":\"INC-20261127-0002\",\"start\":\"2026-11-28T01:00:00.000Z\",\"end\":\"2026-11-28T01:05:00.000Z\","
              + "\"lat\":42.11,\"lon\":19.40,\"kind\":\"loiter\",\"score\":0.4,\"factors\":{},\"track\":[],\"evidence\":[{\"file\":\"p.gpx\",\"line\":9}]}",
          "{\"kind\":\"sauna\",\"t\":\"2026-11-27T23:20:00.000Z\"}",
          "",
          "{\"t\":\"2026-11-28T02:00:00.000Z\",\"kind\":\"patrol\",\"sensor\":\"GPS-3\",\"unit\":\"PATROL-12\",\"lat\":42.2,\"lon\":19.5}");

  final List<Reject> rejects = new ArrayList<>();
  final ObjectMapper json = new ObjectMapper();

  private byte[] export(RecordWriter w, ByteArrayOutputStream out) throws IOException {
    ReadStats stats = Exporter.export(
        new ByteArrayInputStream(INPUT.getBytes(StandardCharsets.UTF_8)), "in.ndjson", w, rejects::add, null);
    w.close();
    // read = accepted + rejected, with the blank line as a named skip
    assertThat(stats.read()).isEqualTo(8);
    assertThat(stats.emittedCount()).isEqualTo(5);
    assertThat(stats.skippedTotal()).isEqualTo(1);
    assertThat(stats.rejectedCount()).isEqualTo(2);
    assertThat(rejects).extracting(r -> r.src().line()).containsExactly(3L, 6L);
    assertThat(rejects.get(0).reason()).startsWith("invalid JSON");
    assertThat(rejects.get(1).reason()).contains("unknown kind 'sauna'");
    return out == null ? null : out.toByteArray();
  }

  @Test
  void geoJsonFeatureCollectionReadsBackWithJts() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text = new String(export(new GeoJsonRecordWriter(out, false, true), out), StandardCharsets.UTF_8);

    JsonNode fc = json.readTree(text);
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.has("crs")).isFalse();
    JsonNode features = fc.get("features");
    // 2 incidents + 1 track line (the second incident has no track) + 3 observations
    assertThat(features).hasSize(6);
    assertThat(features.get(0).get("properties").get("factors").get("corroborated").asInt()).isEqualTo(2);
    assertThat(features.get(0).get("properties").get("evidence").get(1).get("line").asInt()).isEqualTo(3);
    assertThat(features.get(1).get("properties").get("incident_id").asText()).isEqualTo("INC-20261127-0001");
    assertThat(features.get(3).get("geometry").isNull()).isTrue(); // polar-only thermal detection

    GeoJsonReader reader = new GeoJsonReader();
    Point p = (Point) reader.read(features.get(0).get("geometry").toString());
    assertThat(p.getX()).isEqualTo(19.3311); // lon first (RFC 7946)
    assertThat(p.getY()).isEqualTo(42.0712);
    LineString track = (LineString) reader.read(features.get(1).get("geometry").toString());
    assertThat(track.getNumPoints()).isEqualTo(3);
    assertThat(track.getCoordinateN(2).x).isEqualTo(19.332);
    Point patrol = (Point) reader.read(features.get(5).get("geometry").toString());
    assertThat(patrol.getY()).isEqualTo(42.2);
  }

  @Test
  void geoJsonSequenceIsOneRecordSeparatedFeaturePerLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text = new String(export(new GeoJsonRecordWriter(out, true, false), out), StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(5); // tracks off: one feature per record
    GeoJsonReader reader = new GeoJsonReader();
    for (String line : lines) {
      assertThat(line.charAt(0)).isEqualTo('\u001e');
      assertThat(json.readTree(line.substring(1)).get("type").asText()).isEqualTo("Feature");
    }
    Geometry g = reader.read(lines[0].substring(1));
    assertThat(g.getCoordinate().x).isEqualTo(19.3311);
    assertThat(json.readTree(lines[4].substring(1)).get("properties").get("unit").asText()).isEqualTo("PATROL-12");
  }

  @Test
  void csvHasAHeaderAndOneRowPerRecord() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text = new String(export(new CsvRecordWriter(out), out), StandardCharsets.UTF_8);
    List<List<String>> rows = parseCsv(text);
    assertThat(rows).hasSize(6);
    assertThat(rows.get(0)).isEqualTo(CsvRecordWriter.COLUMNS);
    Map<String, String> inc = row(rows, 1);
    assertThat(inc.get("record")).isEqualTo("incident");
    assertThat(inc.get("id")).isEqualTo("INC-20261127-0001");
    assertThat(inc.get("side")).isEqualTo("ALB→MNE");
    assertThat(inc.get("factors")).isEqualTo("corroborated=2; night=true");
    // the comma in the file name forces quoting; the reader restores it
    assertThat(inc.get("evidence")).isEqualTo("radar, east.ast@18234; cam.xml:3@77");
    assertThat(inc.get("track_points")).isEqualTo("3");
    Map<String, String> radar = row(rows, 2);
    assertThat(radar.get("time")).isEqualTo("2026-11-27T23:14:05.250Z");
    assertThat(radar.get("bearing_deg")).isEqualTo("131.2");
    assertThat(radar.get("evidence")).isEqualTo("radar.ast@18234");
    Map<String, String> thermal = row(rows, 3);
    assertThat(thermal.get("lat")).isEmpty();
    assertThat(thermal.get("evidence")).isEqualTo("in.ndjson:4@"
        + INPUT.substring(0, INPUT.indexOf("{\"t\":\"2026-11-27T23:20")).getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAsFormulasAreDefused() throws Exception {
    assertThat(CsvRecordWriter.looksLikeFormula("=HYPERLINK(\"http://x\",\"y\")")).isTrue();
    assertThat(CsvRecordWriter.looksLikeFormula("@SUM(A1)")).isTrue();
    assertThat(CsvRecordWriter.looksLikeFormula("+cmd|' /C calc'!A0")).isTrue();
    assertThat(CsvRecordWriter.looksLikeFormula("-2+3")).isTrue();
    assertThat(CsvRecordWriter.looksLikeFormula("\tRDR")).isTrue();
    assertThat(CsvRecordWriter.looksLikeFormula("-19.3311")).isFalse();
    assertThat(CsvRecordWriter.looksLikeFormula("+1.5")).isFalse();
    assertThat(CsvRecordWriter.looksLikeFormula("RDR-07")).isFalse();
    assertThat(CsvRecordWriter.looksLikeFormula("")).isFalse();

    // end to end: a hostile sensor name is written defused, a negative longitude as it is
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvRecordWriter w = new CsvRecordWriter(out);
    w.write(new CanonicalRecord.Obs(io.watchline.observation.Observation.builder(
        java.time.Instant.parse("2026-11-27T23:00:00Z"), io.watchline.observation.Kind.RADAR)
        .sensor("=HYPERLINK(\"http://x\")").position(42.0, -19.5).build()));
    w.finish();
    Map<String, String> row = row(parseCsv(out.toString(StandardCharsets.UTF_8)), 1);
    assertThat(row.get("sensor")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(row.get("lon")).isEqualTo("-19.5");
  }

  @Test
  void kmlPlacemarksReadBackWithJtsKmlReader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String text = new String(export(new KmlRecordWriter(out, "night"), out), StandardCharsets.UTF_8);

    List<Map<String, String>> placemarks = new ArrayList<>();
    XMLStreamReader x = xml().createXMLStreamReader(new StringReader(text));
    Map<String, String> current = null;
    String dataName = null;
    while (x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (x.getLocalName()) {
          case "kml" -> assertThat(x.getNamespaceURI()).isEqualTo("http://www.opengis.net/kml/2.2");
          case "Placemark" -> current = new LinkedHashMap<>();
          case "Data" -> dataName = x.getAttributeValue(null, "name");
          case "value" -> current.put(dataName, x.getElementText());
          case "styleUrl", "name", "begin", "when" -> {
            if (current != null) current.put(x.getLocalName(), x.getElementText());
          }
          default -> {}
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("Placemark")) {
        placemarks.add(current);
      }
    }
    assertThat(placemarks).hasSize(5);
    assertThat(placemarks.get(0))
        .containsEntry("name", "INC-20261127-0001")
        .containsEntry("styleUrl", "#crossing")
        .containsEntry("begin", "2026-11-27T23:10:00.000Z")
        .containsEntry("factor.night", "true")
        .containsEntry("score", "0.91");
    assertThat(placemarks.get(1)).containsEntry("styleUrl", "#radar").containsEntry("track", "RDR-07/4711");
    assertThat(placemarks.get(3)).containsEntry("styleUrl", "#loiter");

    // geometry: each Placemark's geometry element through JTS's KML reader
    KMLReader kml = new KMLReader();
    List<Geometry> geoms = new ArrayList<>();
    Matcher m = Pattern.compile("<(MultiGeometry|Point)>.*?</\\1>", Pattern.DOTALL).matcher(text);
    while (m.find()) {
      geoms.add(kml.read(m.group()));
    }
    assertThat(geoms).hasSize(4); // the polar-only thermal placemark has no geometry
    GeometryCollection first = (GeometryCollection) geoms.get(0);
    assertThat(first.getGeometryN(0).getGeometryType()).isEqualTo(Geometry.TYPENAME_POINT);
    assertThat(first.getGeometryN(0).getCoordinate().x).isEqualTo(19.3311);
    assertThat(first.getGeometryN(1).getNumPoints()).isEqualTo(3);
    assertThat(geoms.get(3).getCoordinate().y).isEqualTo(42.2);
    assertThat(geoms.get(3).getGeometryType()).isNotEqualTo(Geometry.TYPENAME_MULTIPOINT);
  }

  @Test
  void geoPackageReadsBackWithItsLibrary(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("night.gpkg");
    try (GeoPackageRecordWriter w = new GeoPackageRecordWriter(file)) {
      export(w, null);
    }
    try (GeoPackage g = GeoPackageManager.open(file.toFile())) {
      assertThat(g.getFeatureTables()).containsExactlyInAnyOrder("incidents", "incident_tracks", "observations");
      FeatureDao inc = g.getFeatureDao("incidents");
      assertThat(inc.count()).isEqualTo(2);
      FeatureResultSet rs = inc.queryForAll();
      try {
        assertThat(rs.moveToNext()).isTrue();
        FeatureRow row = rs.getRow();
        assertThat(row.getValue("incident_id")).isEqualTo("INC-20261127-0001");
        assertThat((Double) row.getValue("score")).isEqualTo(0.91);
        assertThat(row.getValue("evidence")).isEqualTo("radar, east.ast@18234; cam.xml:3@77");
        mil.nga.sf.Point p = (mil.nga.sf.Point) row.getGeometry().getGeometry();
        assertThat(p.getX()).isEqualTo(19.3311);
        assertThat(p.getY()).isEqualTo(42.0712);
      } finally {
        rs.close();
      }
      FeatureDao tracks = g.getFeatureDao("incident_tracks");
      assertThat(tracks.count()).isEqualTo(1);
      FeatureResultSet lines = tracks.queryForAll();
      try {
        lines.moveToNext();
        mil.nga.sf.LineString line = (mil.nga.sf.LineString) lines.getRow().getGeometry().getGeometry();
        assertThat(line.numPoints()).isEqualTo(3);
      } finally {
        lines.close();
      }
      FeatureDao obs = g.getFeatureDao("observations");
      assertThat(obs.count()).isEqualTo(3);
      assertThat(g.getContentsDao().queryForId("incidents").getMinX()).isCloseTo(19.3311, within(1e-9));
      assertThat(inc.getGeometryColumns().getSrsId()).isEqualTo(4326L);
    }
  }

  @Test
  void cursorOnTargetIsOneEventPerLineWithTheDocumentedTypes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CotRecordWriter w = new CotRecordWriter(out, 0.8, Duration.ofMinutes(30));
    export(w, out);
    assertThat(w.notRepresentable()).isEqualTo(1); // polar-only thermal detection
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(4);
    // Every attribute with StAX (the project's CotReader, below, keeps only what a fix needs).
    List<Map<String, String>> events = new ArrayList<>();
    for (String line : lines) {
      XMLStreamReader x = xml().createXMLStreamReader(new StringReader(line));
      Map<String, String> e = new LinkedHashMap<>();
      while (x.hasNext()) {
        if (x.next() == XMLStreamConstants.START_ELEMENT) {
          for (int a = 0; a < x.getAttributeCount(); a++) {
            e.put(x.getLocalName() + "." + x.getAttributeLocalName(a), x.getAttributeValue(a));
          }
          if (x.getLocalName().equals("remarks")) e.put("remarks", x.getElementText());
        }
      }
      events.add(e);
    }
    assertThat(events.get(0))
        .containsEntry("event.uid", "INC-20261127-0001")
        .containsEntry("event.type", "a-h-G")
        .containsEntry("event.start", "2026-11-27T23:10:00.000Z")
        .containsEntry("event.time", "2026-11-27T23:14:05.250Z")
        .containsEntry("event.stale", "2026-11-27T23:44:05.250Z")
        .containsEntry("point.lat", "42.0712")
        .containsEntry("point.lon", "19.3311")
        .containsEntry("watchline.sector", "S-07")
        .containsEntry("watchline.kind", "crossing")
        .containsEntry("watchline.score", "0.91");
    assertThat(events.get(0).get("remarks")).startsWith("crossing in S-07 ALB→MNE, score 0.91");
    assertThat(events.get(1)).containsEntry("event.type", "a-u-G").containsEntry("event.uid", "RDR-07/4711");
    assertThat(events.get(2)).containsEntry("event.type", "a-u-G").containsEntry("watchline.kind", "loiter");
    assertThat(events.get(3)).containsEntry("event.type", "a-f-G").containsEntry("event.uid", "PATROL-12@2026-11-28T02:00:00.000Z");
  }

  @Test
  void cursorOnTargetReadsBackWithTheProjectsCotReader() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    export(new CotRecordWriter(out, 0.8, Duration.ofMinutes(30)), out);
    List<io.watchline.observation.Observation> all = new ArrayList<>();
    List<Reject> cotRejects = new ArrayList<>();
    try (var r = new io.watchline.feed.cot.CotReader(new ByteArrayInputStream(out.toByteArray()), "out.cot", true, cotRejects::add)) {
      for (io.watchline.observation.Observation o; (o = r.next()) != null; ) all.add(o);
      assertThat(r.stats().read()).isEqualTo(4);
    }
    assertThat(cotRejects).isEmpty();
    assertThat(all).extracting(io.watchline.observation.Observation::unit)
        .containsExactly("INC-20261127-0001", "RDR-07/4711", "INC-20261127-0002", "PATROL-12@2026-11-28T02:00:00.000Z");
    assertThat(all.get(0).t()).isEqualTo(java.time.Instant.parse("2026-11-27T23:14:05.250Z")); // time = last seen
    assertThat(all.get(0).lat()).isEqualTo(42.0712);
    assertThat(all.get(1).speedMps()).isEqualTo(1.3);
    assertThat(all.get(1).courseDeg()).isEqualTo(210.0);
    // by default the reader keeps only friendly ground units: the patrol fix, nothing else
    try (var r = new io.watchline.feed.cot.CotReader(new ByteArrayInputStream(out.toByteArray()), "out.cot", false, cotRejects::add)) {
      assertThat(r.next().unit()).isEqualTo("PATROL-12@2026-11-28T02:00:00.000Z");
      assertThat(r.next()).isNull();
      assertThat(r.stats().skippedTotal()).isEqualTo(3);
    }
  }

  /** Two fused tracks as {@code watchline fuse --tracks} writes them: a target and a patrol. */
  static final String TRACKS =
      "{\"track\":4,\"label\":\"T4\",\"cls\":\"human\",\"radar_hits\":12,\"thermal_hits\":3,\"speed_mps\":1.3,\"evidence\":15,"
          + "\"points\":[[19.33,42.07,\"2026-11-27T23:10:00.000Z\"],[19.331,42.0712,\"2026-11-27T23:12:00.000Z\"],[19.332,42.072,\"2026-11-27T23:14:00.000Z\"]]}\n"
          + "{\"track\":5,\"label\":\"P5\",\"patrol_unit\":\"PATROL-12\",\"patrol_distance_m\":3.2,\"patrol_share\":0.9,\"cls\":\"human\","
          + "\"radar_hits\":2,\"thermal_hits\":0,\"speed_mps\":1.1,\"evidence\":6,\"points\":[[19.5,42.2,\"2026-11-28T02:00:00.000Z\"]]}\n"
          + "{\"track\":6,\"points\":[]}\n";

  private byte[] exportTracks(RecordWriter w, ByteArrayOutputStream out) throws IOException {
    ReadStats stats = Exporter.export(
        new ByteArrayInputStream(TRACKS.getBytes(StandardCharsets.UTF_8)), "tracks.ndjson", w, rejects::add, null);
    w.close();
    assertThat(stats.emittedCount()).isEqualTo(2);
    assertThat(rejects).singleElement().extracting(Reject::reason).isEqualTo("track without points");
    return out == null ? null : out.toByteArray();
  }

  @Test
  void fusedTracksExportToEveryFormat(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream gj = new ByteArrayOutputStream();
    JsonNode fc = json.readTree(exportTracks(new GeoJsonRecordWriter(gj, false, true), gj));
    JsonNode target = fc.get("features").get(0);
    assertThat(target.get("properties").get("record").asText()).isEqualTo("track");
    assertThat(target.get("properties").get("radar_hits").asInt()).isEqualTo(12);
    LineString line = (LineString) new GeoJsonReader().read(target.get("geometry").toString());
    assertThat(line.getNumPoints()).isEqualTo(3);
    assertThat(fc.get("features").get(1).get("geometry").get("type").asText()).isEqualTo("Point");

    rejects.clear();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    List<List<String>> rows = parseCsv(new String(exportTracks(new CsvRecordWriter(csv), csv), StandardCharsets.UTF_8));
    Map<String, String> row = row(rows, 2);
    assertThat(row).containsEntry("record", "track").containsEntry("id", "5").containsEntry("unit", "PATROL-12")
        .containsEntry("lat", "42.2").containsEntry("start", "2026-11-28T02:00:00.000Z");

    rejects.clear();
    ByteArrayOutputStream kml = new ByteArrayOutputStream();
    String k = new String(exportTracks(new KmlRecordWriter(kml, "t"), kml), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<LineString>.*?</LineString>", Pattern.DOTALL).matcher(k);
    assertThat(m.find()).isTrue();
    assertThat(new KMLReader().read(m.group()).getNumPoints()).isEqualTo(3);
    assertThat(k).contains("<styleUrl>#patrol</styleUrl>").contains("<Data name=\"radar_hits\"><value>12</value></Data>");

    rejects.clear();
    Path file = dir.resolve("t.gpkg");
    try (GeoPackageRecordWriter w = new GeoPackageRecordWriter(file)) {
      exportTracks(w, null);
    }
    try (GeoPackage g = GeoPackageManager.open(file.toFile())) {
      assertThat(g.getFeatureTables()).containsExactly("tracks");
      assertThat(g.getFeatureDao("tracks").count()).isEqualTo(2);
    }

    rejects.clear();
    ByteArrayOutputStream cot = new ByteArrayOutputStream();
    String[] events = new String(exportTracks(new CotRecordWriter(cot, 0.8, Duration.ofMinutes(5)), cot), StandardCharsets.UTF_8).split("\n");
    assertThat(events).hasSize(2);
    assertThat(events[0]).contains("uid=\"watchline-track-4\"").contains("type=\"a-u-G\"").contains("lat=\"42.072\"")
        .contains("time=\"2026-11-27T23:14:00.000Z\"");
    assertThat(events[1]).contains("uid=\"PATROL-12\"").contains("type=\"a-f-G\"");
  }

  @Test
  void lowScoringCrossingIsUnknownNotHostile() {
    var inc = new io.watchline.incident.Incident("I", java.time.Instant.EPOCH, java.time.Instant.EPOCH, 1, 2,
        null, null, io.watchline.incident.IncidentKind.CROSSING, 0.79, null, null, null);
    assertThat(CotRecordWriter.type(inc, 0.8)).isEqualTo("a-u-G");
    assertThat(CotRecordWriter.type(inc, 0.79)).isEqualTo("a-h-G");
  }

  private static XMLInputFactory xml() {
    XMLInputFactory f = XMLInputFactory.newInstance();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  private static Map<String, String> row(List<List<String>> rows, int i) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int c = 0; c < rows.get(0).size(); c++) m.put(rows.get(0).get(c), rows.get(i).get(c));
    return m;
  }

  /** A strict RFC 4180 reader, independent of the writer. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
        else if (ch == '"') quoted = false;
        else cell.append(ch);
      } else if (ch == '"') quoted = true;
      else if (ch == ',') { row.add(cell.toString()); cell.setLength(0); }
      else if (ch == '\r' && text.charAt(i + 1) == '\n') { row.add(cell.toString()); cell.setLength(0); rows.add(row); row = new ArrayList<>(); i++; }
      else cell.append(ch);
    }
    return rows;
  }
}
