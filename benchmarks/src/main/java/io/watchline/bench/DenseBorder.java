package io.watchline.bench;

import io.watchline.geo.io.GeoFeature;
import io.watchline.geo.io.GeoJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsSimpleOp;

/**
 * Writes dense, jittered versions of the bundled border data for {@code benchmarks/dense-border}:
 * the MNE–ALB line, and the two Natural Earth countries, densified to about N vertices each and
 * every vertex moved sideways by up to J metres (seeded). The line stays simple and the countries
 * valid, so the commands accept them and only their cost is measured. Also the same line
 * scattered by 20 m in any direction, which crosses itself and must be refused.
 *
 * <pre>java -cp benchmarks.jar io.watchline.bench.DenseBorder OUT_DIR [VERTICES=40000] [JITTER_M=1.5] [SEED=1]</pre>
 */
public final class DenseBorder {
  private DenseBorder() {}

  /** Metres per degree of latitude (rough; only the jitter size depends on it). */
  private static final double M_PER_DEG = 111_320;

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int vertices = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
    double jitterM = args.length > 2 ? Double.parseDouble(args[2]) : 1.5;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    Files.createDirectories(out);
    GeoFeature line = GeoJson.read(GeoBenchData.repoFile("fixtures/data/borders/mne-alb.geojson")).get(0);
    LineString dense = (LineString) jitter(line.geometry(), vertices, jitterM, seed);
    if (!IsSimpleOp.isSimple(dense)) {
      throw new IllegalStateException("jittered line is not simple; lower the jitter");
    }
    GeoJson.write(out.resolve("dense-line.geojson"), List.of(new GeoFeature(dense, line.properties())));
    System.out.println("dense-line.geojson: " + dense.getNumPoints() + " vertices");
    // Jittered in both directions by more than the vertex spacing, the line crosses itself all
    // along: what made the band's buffer quadratic. It must now be refused, quickly.
    LineString crossing = scatter(line.geometry(), vertices, 20, seed);
    GeoJson.write(out.resolve("crossing-line.geojson"), List.of(new GeoFeature(crossing, line.properties())));
    System.out.println("crossing-line.geojson: " + crossing.getNumPoints() + " vertices, simple: " + IsSimpleOp.isSimple(crossing));

    for (String iso : List.of("MNE", "ALB")) {
      GeoFeature country = GeoJson.read(GeoBenchData.repoFile("fixtures/data/borders/naturalearth-10m/" + iso + ".geojson")).get(0);
      Geometry g = jitter(country.geometry(), vertices, jitterM, seed + iso.hashCode());
      if (!g.isValid()) {
        throw new IllegalStateException(iso + ": jittered outline is not valid; lower the jitter");
      }
      GeoJson.write(out.resolve("dense-" + iso + ".geojson"), List.of(new GeoFeature(g, Map.of("ISO_A3", iso))));
      System.out.println("dense-" + iso + ".geojson: " + g.getNumPoints() + " vertices");
    }
  }

  /** Densifies every line or ring of {@code g} to about {@code vertices} in all and jitters it. */
  static Geometry jitter(Geometry g, int vertices, double jitterM, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double step = g.getLength() / vertices;
    GeometryFactory gf = g.getFactory();
    if (g instanceof LineString l) {
      return gf.createLineString(jitter(l.getCoordinates(), step, jitterM, rnd, false));
    }
    List<Polygon> polys = new ArrayList<>();
    for (int k = 0; k < g.getNumGeometries(); k++) {
      Polygon p = (Polygon) g.getGeometryN(k);
      polys.add(gf.createPolygon(jitter(p.getExteriorRing().getCoordinates(), step, jitterM, rnd, true)));
    }
    return polys.size() == 1 ? polys.get(0) : gf.createMultiPolygon(polys.toArray(Polygon[]::new));
  }

  /** Densifies the line to about {@code vertices} and moves every vertex up to J metres in x and y. */
  static LineString scatter(Geometry g, int vertices, double jitterM, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Coordinate[] c = ((LineString) jitter(g, vertices, 0, seed)).getCoordinates();
    for (int i = 1; i + 1 < c.length; i++) {
      double cosLat = Math.cos(Math.toRadians(c[i].y));
      c[i] = new Coordinate(c[i].x + (rnd.nextDouble() * 2 - 1) * jitterM / M_PER_DEG / cosLat,
          c[i].y + (rnd.nextDouble() * 2 - 1) * jitterM / M_PER_DEG);
    }
    return g.getFactory().createLineString(c);
  }

  private static Coordinate[] jitter(Coordinate[] c, double step, double jitterM, SplittableRandom rnd, boolean ring) {
    List<Coordinate> out = new ArrayList<>();
    for (int i = 0; i + 1 < c.length; i++) {
      Coordinate a = c[i];
      Coordinate b = c[i + 1];
      double dx = b.x - a.x;
      double dy = b.y - a.y;
      double len = Math.hypot(dx, dy);
      int parts = Math.max(1, (int) Math.ceil(len / step));
      double cosLat = Math.cos(Math.toRadians(a.y));
      for (int k = 0; k < parts; k++) {
        double t = (double) k / parts;
        // Sideways (perpendicular to the edge) so the order along the line is kept.
        double j = (i == 0 && k == 0) ? 0 : (rnd.nextDouble() * 2 - 1) * jitterM / M_PER_DEG;
        double nx = len == 0 ? 0 : -dy / len;
        double ny = len == 0 ? 0 : dx / len;
        out.add(new Coordinate(a.x + t * dx + nx * j / cosLat, a.y + t * dy + ny * j));
      }
    }
    out.add(new Coordinate(ring ? out.get(0) : c[c.length - 1]));
    return out.toArray(Coordinate[]::new);
  }
}
