package io.watchline.geo.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * Well-known text in lon/lat order: one geometry per non-blank line (lines starting with {@code #}
 * are comments), or a single geometry spanning several lines. An optional EWKT {@code SRID=4326;}
 * prefix is accepted; other SRIDs are refused.
 */
public final class Wkt {
  private Wkt() {}

  public static List<GeoFeature> read(Path file) throws IOException {
    return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  public static List<GeoFeature> read(String text, String name) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (String line : text.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      current.append(l).append(' ');
      for (int i = 0; i < l.length(); i++) {
        depth += l.charAt(i) == '(' ? 1 : l.charAt(i) == ')' ? -1 : 0;
      }
      if (depth == 0) {
        chunks.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (depth != 0 || current.length() > 0) {
      throw new GeometryException(name + ": unbalanced parentheses in WKT");
    }
    if (chunks.isEmpty()) {
      throw new GeometryException(name + ": no WKT geometry");
    }
    List<GeoFeature> out = new ArrayList<>();
    WKTReader reader = new WKTReader();
    int i = 0;
    for (String c : chunks) {
      String label = name + " geometry " + i++;
      String wkt = c;
      if (wkt.regionMatches(true, 0, "SRID=", 0, 5)) {
        int semi = wkt.indexOf(';');
        String srid = semi < 0 ? "" : wkt.substring(5, semi).strip();
        if (!"4326".equals(srid)) {
          throw new GeometryException(label + ": SRID " + srid + " is not WGS84 lon/lat (4326)");
        }
        wkt = wkt.substring(semi + 1);
      }
      Geometry g;
      try {
        g = reader.read(wkt);
      } catch (ParseException e) {
        throw new GeometryException(label + ": " + e.getMessage());
      }
      out.add(new GeoFeature(Geometries.checked(g, label), Map.of()));
    }
    return out;
  }

  public static String write(Geometry g) {
    return new WKTWriter(2).write(g);
  }
}
