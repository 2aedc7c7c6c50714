package io.watchline.geo.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.io.GeometryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** Bad borders are refused where every command loads them, with the first bad place named. */
class BorderChecksTest {
  static final Path REAL = Path.of(System.getProperty("user.dir")).getParent().resolve("fixtures/data/borders/mne-alb.geojson");
  /** Two of the demo sites (fixtures/data/demo/sites.yaml), 1–3 km from the real border. */
  static final List<BorderChecks.Sensor> SITES =
      List.of(new BorderChecks.Sensor("RDR-01", 42.50043, 19.85482), new BorderChecks.Sensor("CAM-01", 42.05129, 19.3));

  static Path line(Path dir, String coordinates) throws Exception {
    Path f = dir.resolve("b.geojson");
    Files.writeString(f, "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
        + coordinates + "}}");
    return f;
  }

  @Test
  void theRealBorderPassesEveryCheck() throws Exception {
    BorderLines.Named b = BorderLines.read(REAL);
    BorderChecks.requireSensorsNear(b.line(), "mne-alb", SITES, "sites");
    assertThat(b.line().getNumPoints()).isGreaterThan(50);
  }

  @Test
  void aSelfCrossingBorderIsRefusedWhereItCrosses(@TempDir Path dir) throws Exception {
    Path f = line(dir, "[[19.0,42.0],[19.2,42.2],[19.2,42.0],[19.0,42.2]]");
    assertThatThrownBy(() -> BorderContext.load(f, null, 10_000, 5_000))
        .isInstanceOf(GeometryException.class)
        .hasMessageContaining("touches or crosses itself at lon 19.100000 lat 42.100000");
  }

  @Test
  void aBorderThatReturnsToAVertexIsNotSimple(@TempDir Path dir) throws Exception {
    Path f = line(dir, "[[19.0,42.0],[19.1,42.1],[19.2,42.0],[19.1,42.1],[19.1,42.3]]");
    assertThatThrownBy(() -> BorderLines.read(f)).hasMessageContaining("touches or crosses itself");
  }

  @Test
  void theFirstOutOfRangeVertexIsNamed(@TempDir Path dir) throws Exception {
    Path f = line(dir, "[[19.0,42.0],[19.1,42.1],[4650000.0,420000.0],[19.2,95.0]]");
    assertThatThrownBy(() -> BorderLines.read(f)).hasMessageContaining("vertex 3 (4650000.0, 420000.0)")
        .hasMessageContaining("projected");
    LineString raw = new GeometryFactory().createLineString(
        new Coordinate[] {new Coordinate(19, 42), new Coordinate(19, 91), new Coordinate(19.1, 42)});
    assertThatThrownBy(() -> BorderChecks.requireUsable(raw, "x")).hasMessageContaining("border vertex 2 (19.0, 91.0)");
  }

  @Test
  void theAntimeridianIsRefusedClearly(@TempDir Path dir) throws Exception {
    Path across = line(dir, "[[179.8,-16.5],[179.95,-16.6],[-179.9,-16.7]]");
    assertThatThrownBy(() -> BorderContext.load(across, null, 10_000, 5_000))
        .hasMessageContaining("crosses the antimeridian").hasMessageContaining("between vertices 2 and 3");
    Path wide = line(dir, "[[-100,10],[0,10.5],[100,10]]");
    assertThatThrownBy(() -> BorderLines.read(wide)).hasMessageContaining("spans 200.0° of longitude");
  }

  @Test
  void aLatLonSwappedBorderIsNamedAsSuch() throws Exception {
    LineString real = BorderLines.read(REAL).line();
    Coordinate[] c = real.getCoordinates();
    for (Coordinate p : c) {
      double t = p.x;
      p.x = p.y;
      p.y = t;
    }
    LineString swapped = real.getFactory().createLineString(c);
    BorderChecks.requireUsable(swapped, "swapped"); // in range, simple: only the sites can tell
    assertThatThrownBy(() -> BorderChecks.requireSensorsNear(swapped, "swapped.geojson", SITES, "sites.yaml"))
        .isInstanceOf(GeometryException.class)
        .hasMessageContaining("all 2 sensors of sites.yaml lie more than 100 km from the border")
        .hasMessageContaining("looks lat/lon swapped");
  }

  @Test
  void farSensorsWithoutASwapAskWhetherItIsTheRightBorder() throws Exception {
    LineString real = BorderLines.read(REAL).line();
    List<BorderChecks.Sensor> vienna = List.of(new BorderChecks.Sensor("VIE", 48.2, 16.37));
    assertThatThrownBy(() -> BorderChecks.requireSensorsNear(real, "b", vienna, "s"))
        .hasMessageContaining("nearest: VIE")
        .hasMessageContaining("right border for these sites");
    // 100 km is the limit, measured on the ellipsoid: a sensor 90 km south of the line passes.
    BorderChecks.requireSensorsNear(real, "b", List.of(new BorderChecks.Sensor("S", 41.1, 19.6)), "s");
  }
}
