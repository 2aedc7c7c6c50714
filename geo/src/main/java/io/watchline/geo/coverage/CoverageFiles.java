package io.watchline.geo.coverage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.geo.coverage.CoverageResult.Gap;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.coverage.CoverageResult.Suggestion;
import io.watchline.geo.dem.AsciiGrid;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import java.util.Locale;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The machine-readable outputs of a coverage run: {@code gaps.geojson}, {@code sectors.csv},
 * {@code suggestions.geojson}/{@code .csv} and {@code coverage.asc}. GeoJSON follows RFC 7946
 * (lon/lat, no crs member, exterior rings counter-clockwise).
 */
public final class CoverageFiles {
  private CoverageFiles() {}

  private static final JsonFactory JSON = new JsonFactory();

  /** Coverage raster codes in coverage.asc. */
  public static final int NONE = 0;
  public static final int PATROL = 1;
  public static final int SENSOR = 2;
  public static final int BOTH = 3;

  public static void writeGaps(CoverageResult r, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (Gap gap : r.gaps()) {
        for (String kind : new String[] {"gap_segment", "gap_area"}) {
          g.writeStartObject();
          g.writeStringField("type", "Feature");
          g.writeStringField("id", gap.id() + (kind.equals("gap_area") ? "-area" : ""));
          g.writeObjectFieldStart("properties");
          g.writeStringField("gap", gap.id());
          g.writeStringField("kind", kind);
          g.writeStringField("sector", gap.sectors().get(0));
          g.writeArrayFieldStart("sectors");
          for (String s : gap.sectors()) {
            g.writeString(s);
          }
          g.writeEndArray();
          g.writeNumberField("from_m", round(gap.fromM(), 1));
          g.writeNumberField("to_m", round(gap.toM(), 1));
          g.writeNumberField("length_m", round(gap.lengthM(), 1));
          g.writeNumberField("mean_unwatched_h", round(gap.meanUnwatchedHours(), 2));
          g.writeStringField("unwatched_utc", Intervals.format(gap.unwatched(), 12));
          g.writeNumberField("incidents", gap.incidents());
          g.writeEndObject();
          g.writeFieldName("geometry");
          writeGeometry(g, kind.equals("gap_area") ? gap.polygonLonLat() : gap.lineLonLat());
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  public static void writeSectors(CoverageResult r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.print("sector,name,border_km,uncovered_km,uncovered_pct,sensor_km,patrol_km,hours_uncovered,"
        + "worst_revisit_h,band_uncovered_pct,gaps,incidents_in_gaps,unwatched_km_h,unwatched_utc,no_terrain_km\n");
    for (SectorRow s : r.sectors()) {
      w.print(String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%.2f,%.3f,%.3f,%.2f,%.2f,%.2f,%d,%d,%.3f,%s,%.3f\n", csv(s.id()),
          csv(s.name()), s.borderKm(), s.uncoveredKm(), s.uncoveredPct(), s.sensorKm(), s.patrolKm(), s.hoursUncovered(),
          s.worstRevisitHours(), s.bandUncoveredPct(), s.gaps(), s.incidentsInGaps(), s.unwatchedKmH(),
          csv(Intervals.format(s.unwatched(), 12)), s.noTerrainKm()));
    }
    w.flush();
  }

  /**
   * sensors.csv: per sensor its up-time share of the window and its outages (UTC); "not checked"
   * when no observations were given and every sensor was assumed up.
   */
  public static void writeSensors(CoverageResult r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.print("sensor,up_pct,outages,outages_utc\n");
    for (SensorSpec sp : r.sensors()) {
      SensorUptime.Availability a = r.availabilityOf(sp.id());
      if (a == null) {
        w.print(csv(sp.id()) + ",,,not checked (no observations given)\n");
      } else {
        w.print(String.format(Locale.ROOT, "%s,%.2f,%d,%s\n", csv(sp.id()), 100 * a.upShare(), a.outages().length / 2,
            csv(Intervals.format(a.outages(), 20))));
      }
    }
    w.flush();
  }

  public static void writeSuggestionsCsv(CoverageResult r, OutputStream out) throws IOException {
    PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.print("rank,kind,lat,lon,sector,added_km,cumulative_km\n");
    for (Suggestion s : r.suggestions()) {
      w.print(String.format(Locale.ROOT, "%d,%s,%.6f,%.6f,%s,%.3f,%.3f\n", s.rank(), s.kind(), s.lat(), s.lon(),
          csv(s.sector()), s.addedKm(), s.cumulativeKm()));
    }
    w.flush();
  }

  public static void writeSuggestionsGeoJson(CoverageResult r, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (Suggestion s : r.suggestions()) {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("properties");
        g.writeNumberField("rank", s.rank());
        g.writeStringField("kind", s.kind());
        g.writeStringField("sector", s.sector());
        g.writeNumberField("added_km", round(s.addedKm(), 3));
        g.writeNumberField("cumulative_km", round(s.cumulativeKm(), 3));
        g.writeEndObject();
        g.writeFieldName("geometry");
        if (s.routeLonLat() != null) {
          writeGeometry(g, s.routeLonLat());
        } else {
          g.writeStartObject();
          g.writeStringField("type", "Point");
          g.writeArrayFieldStart("coordinates");
          g.writeNumber(round(s.lon(), 6));
          g.writeNumber(round(s.lat(), 6));
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** The coverage raster in the local projection: 0 none, 1 patrol only, 2 sensor, 3 both. */
  public static void writeCoverageAsc(CoverageResult r, OutputStream out) throws IOException {
    GridFrame f = r.frame();
    float[] codes = new float[f.width() * f.height()];
    for (int i = 0; i < codes.length; i++) {
      boolean seen = r.seenPd()[i] > 0 && r.seenPd()[i] >= r.options().minPd();
      boolean patrol = r.patrolled()[i] != 0;
      codes[i] = seen ? (patrol ? BOTH : SENSOR) : (patrol ? PATROL : NONE);
    }
    AsciiGrid.write(out, f.width(), f.height(), f.west(), f.north() - f.height() * f.cellM(), f.cellM(), codes);
  }

  static void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
    g.writeStartObject();
    if (geom instanceof LineString ls) {
      g.writeStringField("type", "LineString");
      g.writeFieldName("coordinates");
      writeCoords(g, ls.getCoordinates());
    } else if (geom instanceof Polygon p) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      writePolygon(g, p);
    } else {
      g.writeStringField("type", "MultiPolygon");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        if (geom.getGeometryN(i) instanceof Polygon p) {
          writePolygon(g, p);
        }
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writePolygon(JsonGenerator g, Polygon p) throws IOException {
    g.writeStartArray();
    writeRing(g, p.getExteriorRing(), true);
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      writeRing(g, p.getInteriorRingN(i), false);
    }
    g.writeEndArray();
  }

  private static void writeRing(JsonGenerator g, LinearRing ring, boolean ccw) throws IOException {
    Coordinate[] c = ring.getCoordinates();
    if (Orientation.isCCW(c) != ccw) {
      c = ring.reverse().getCoordinates();
    }
    writeCoords(g, c);
  }

  private static void writeCoords(JsonGenerator g, Coordinate[] cs) throws IOException {
    g.writeStartArray();
    for (Coordinate c : cs) {
      g.writeStartArray();
      g.writeNumber(round(c.x, 6));
      g.writeNumber(round(c.y, 6));
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

}
