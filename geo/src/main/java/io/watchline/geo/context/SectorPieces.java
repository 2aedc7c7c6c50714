package io.watchline.geo.context;

import io.watchline.geo.sector.Sector;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Which stretch of the border line belongs to which sector, as rows {from, to, sector} in metres
 * along the projected line: consecutive pieces for cut sectors, the line inside each polygon for
 * sectors read from a file (where files overlap, the lower sector keeps the stretch).
 */
final class SectorPieces {
  private SectorPieces() {}

  /** Cut sectors own consecutive pieces of their border length, in order. */
  static double[][] ofCutSectors(List<Sector> sectors) {
    double[][] out = new double[sectors.size()][];
    double at = 0;
    for (int k = 0; k < sectors.size(); k++) {
      double len = sectors.get(k).borderLengthM();
      out[k] = new double[] {at, at + len, k};
      at += len;
    }
    return out;
  }

  /** The line inside each polygon, segment by segment, overlaps resolved to the lower sector. */
  static double[][] ofPolygons(LineString lineXy, List<Geometry> polygonsXy) {
    GeometryFactory gf = lineXy.getFactory();
    Coordinate[] c = lineXy.getCoordinates();
    List<double[]> raw = new ArrayList<>();
    TreeSet<Double> cuts = new TreeSet<>();
    for (int k = 0; k < polygonsXy.size(); k++) {
      Geometry poly = polygonsXy.get(k);
      if (poly.isEmpty()) {
        continue;
      }
      PreparedGeometry prepared = PreparedGeometryFactory.prepare(poly);
      double along = 0;
      for (int i = 0; i + 1 < c.length; i++) {
        double segLen = c[i].distance(c[i + 1]);
        LineString seg = gf.createLineString(new Coordinate[] {c[i], c[i + 1]});
        if (segLen > 0 && prepared.intersects(seg)) {
          Geometry inside = poly.intersection(seg);
          for (int g = 0; g < inside.getNumGeometries(); g++) {
            if (inside.getGeometryN(g) instanceof LineString part && part.getLength() > 0) {
              double a = along + c[i].distance(part.getCoordinateN(0));
              double b = along + c[i].distance(part.getCoordinateN(part.getNumPoints() - 1));
              raw.add(new double[] {Math.min(a, b), Math.max(a, b), k});
              cuts.add(Math.min(a, b));
              cuts.add(Math.max(a, b));
            }
          }
        }
        along += segLen;
      }
    }
    // Elementary stretches between all piece ends; each goes to the lowest sector covering it.
    List<double[]> out = new ArrayList<>();
    Double prev = null;
    for (double cut : cuts) {
      if (prev != null && cut > prev) {
        double mid = (prev + cut) / 2;
        int owner = Integer.MAX_VALUE;
        for (double[] r : raw) {
          if (r[0] <= mid && mid < r[1]) {
            owner = Math.min(owner, (int) r[2]);
          }
        }
        if (owner != Integer.MAX_VALUE) {
          double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
          if (last != null && (int) last[2] == owner && last[1] == prev) {
            last[1] = cut;
          } else {
            out.add(new double[] {prev, cut, owner});
          }
        }
      }
      prev = cut;
    }
    return out.toArray(double[][]::new);
  }
}
