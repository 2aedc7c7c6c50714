package io.watchline.bench;

import io.watchline.geo.border.BorderLines;
import io.watchline.geo.proj.LocalProjection;
import io.watchline.geo.sector.Sector;
import io.watchline.geo.sector.SectorCutter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** Border lines, sectors and query points for the geo index benchmarks (projected metres). */
final class GeoBenchData {
  final String name;
  final LineString borderXy;
  final List<Geometry> sectorsXy;
  final double[] qx;
  final double[] qy;

  private GeoBenchData(String name, LineString borderXy, List<Geometry> sectorsXy, double[] qx, double[] qy) {
    this.name = name;
    this.borderXy = borderXy;
    this.sectorsXy = sectorsXy;
    this.qx = qx;
    this.qy = qy;
  }

  /**
   * @param dataset "mne-alb" (the real Natural Earth border, 10 km sectors, 5 km band) or
   *     "synthetic-20k" (a 20,000-vertex meandering border of ~1,000 km, 5 km sectors: ~200)
   */
  static GeoBenchData load(String dataset, int points) throws IOException {
    LocalProjection proj;
    LineString xy;
    double every;
    if ("mne-alb".equals(dataset)) {
      LineString lonLat = BorderLines.read(repoFile("fixtures/data/borders/mne-alb.geojson")).line();
      Envelope e = lonLat.getEnvelopeInternal();
      proj = LocalProjection.centredOn(e.centre().y, e.centre().x);
      xy = (LineString) proj.forward(lonLat);
      every = 10_000;
    } else if ("synthetic-20k".equals(dataset)) {
      proj = LocalProjection.centredOn(42, 19.5);
      xy = syntheticBorder(new Random(20_000), 20_000);
      every = 5_000;
    } else {
      throw new IllegalArgumentException("unknown dataset " + dataset);
    }
    List<Sector> sectors = SectorCutter.cut(xy, proj, every, 5_000, "L", "R");
    List<Geometry> sectorsXy = sectors.stream().map(s -> proj.forward(s.polygon())).toList();
    double[] qx = new double[points];
    double[] qy = new double[points];
    queryPoints(xy, new Random(1), qx, qy);
    return new GeoBenchData(dataset, xy, sectorsXy, qx, qy);
  }

  /** A smooth eastward meander (heading within ±80° of east, so it never crosses itself), ~50 m steps. */
  static LineString syntheticBorder(Random rnd, int vertices) {
    Coordinate[] c = new Coordinate[vertices];
    double x = 0, y = 0;
    double p1 = rnd.nextDouble() * 6, p2 = rnd.nextDouble() * 6;
    for (int i = 0; i < vertices; i++) {
      c[i] = new Coordinate(x, y);
      double heading = 0.9 * Math.sin(i / 160.0 + p1) + 0.35 * Math.sin(i / 23.0 + p2) + 0.15 * (rnd.nextDouble() - 0.5);
      heading = Math.max(-1.4, Math.min(1.4, heading));
      double step = 25 + rnd.nextDouble() * 50;
      x += step * Math.cos(heading);
      y += step * Math.sin(heading);
    }
    return new GeometryFactory().createLineString(c);
  }

  /** 70 % within 5 km of the border (a vertex plus a random offset), 30 % anywhere in its box plus 10 km. */
  static void queryPoints(LineString line, Random rnd, double[] qx, double[] qy) {
    Coordinate[] v = line.getCoordinates();
    Envelope e = line.getEnvelopeInternal();
    e.expandBy(10_000);
    for (int k = 0; k < qx.length; k++) {
      if (rnd.nextDouble() < 0.7) {
        Coordinate a = v[rnd.nextInt(v.length)];
        double r = 5_000 * Math.sqrt(rnd.nextDouble());
        double t = rnd.nextDouble() * 2 * Math.PI;
        qx[k] = a.x + r * Math.cos(t);
        qy[k] = a.y + r * Math.sin(t);
      } else {
        qx[k] = e.getMinX() + rnd.nextDouble() * e.getWidth();
        qy[k] = e.getMinY() + rnd.nextDouble() * e.getHeight();
      }
    }
  }

  /** A file of the repository, found from the working directory upwards. */
  static Path repoFile(String relative) throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(relative);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IOException(relative + " not found above " + Path.of("").toAbsolutePath() + "; run from the repository");
  }
}
