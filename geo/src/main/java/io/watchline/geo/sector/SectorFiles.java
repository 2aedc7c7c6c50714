package io.watchline.geo.sector;

import io.watchline.geo.io.GeoFeature;
import io.watchline.geo.io.GeoJson;
import io.watchline.geo.io.GeometryException;
import io.watchline.geo.io.GeometryFiles;
import io.watchline.geo.proj.LocalProjection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;

/**
 * Sector files: features with a Polygon or MultiPolygon and properties {@code id} (generated as
 * {@code S-01}… when absent), {@code name}, {@code side_left}, {@code side_right}. The border length
 * inside each sector is computed from the border line, not trusted from the file.
 */
public final class SectorFiles {
  private SectorFiles() {}

  public static List<Sector> read(Path file, LineString borderLonLat, String left, String right) throws IOException {
    List<GeoFeature> features = GeometryFiles.read(file);
    Envelope e = borderLonLat.getEnvelopeInternal();
    LocalProjection proj = LocalProjection.centredOn((e.getMinY() + e.getMaxY()) / 2, (e.getMinX() + e.getMaxX()) / 2);
    Geometry borderXy = proj.forward(borderLonLat);
    List<Sector> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int k = 0;
    for (GeoFeature f : features) {
      k++;
      if (!(f.geometry() instanceof Polygonal)) {
        throw new GeometryException(file + ": sector " + k + " is a " + f.geometry().getGeometryType() + ", not a polygon");
      }
      String id = f.string("id") != null ? f.string("id") : String.format(java.util.Locale.ROOT, "S-%02d", k);
      if (!ids.add(id)) {
        throw new GeometryException(file + ": sector id '" + id + "' appears twice");
      }
      double inside = borderXy.intersection(proj.forward(f.geometry())).getLength();
      out.add(
          new Sector(
              id,
              f.string("name"),
              f.geometry(),
              inside,
              f.string("side_left") != null ? f.string("side_left") : left,
              f.string("side_right") != null ? f.string("side_right") : right));
    }
    return out;
  }

  /** Writes sectors as an RFC 7946 FeatureCollection. */
  public static void write(OutputStream out, List<Sector> sectors) throws IOException {
    List<GeoFeature> features = new ArrayList<>();
    for (Sector s : sectors) {
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("id", s.id());
      props.put("name", s.name());
      props.put("border_length_m", Math.round(s.borderLengthM() * 10) / 10.0);
      props.put("side_left", s.leftSide());
      props.put("side_right", s.rightSide());
      features.add(new GeoFeature(s.polygon(), props));
    }
    GeoJson.write(out, features);
  }
}
