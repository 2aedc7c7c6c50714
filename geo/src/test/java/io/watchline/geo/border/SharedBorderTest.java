package io.watchline.geo.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.geo.io.GeoJson;
import io.watchline.geo.io.GeometryException;
import io.watchline.geo.proj.LocalProjection;
import io.watchline.geo.testutil.RealData;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

class SharedBorderTest {
  private static final LocalProjection PROJ = LocalProjection.centredOn(42.2, 19.7);

  static Geometry read(String rel) throws Exception {
    return GeoJson.read(RealData.file(rel)).get(0).geometry();
  }

  static double hausdorffM(Geometry a, Geometry b) {
    DiscreteHausdorffDistance h = new DiscreteHausdorffDistance(PROJ.forward(a), PROJ.forward(b));
    h.setDensifyFraction(0.01);
    return h.distance();
  }

  @Test
  void naturalEarthPairGivesTheReferenceLine() throws Exception {
    Geometry mne = read("borders/naturalearth-10m/MNE.geojson");
    Geometry alb = read("borders/naturalearth-10m/ALB.geojson");
    LineString reference = (LineString) read("borders/reference/MNE-ALB_border_ne10m.geojson");

    SharedBorder.Result r = SharedBorder.between(mne, alb, SharedBorder.DEFAULT_TOLERANCE_M);

    assertThat(hausdorffM(r.lineLonLat(), reference)).isLessThan(10);
    assertThat(r.lengthM()).isBetween(158_000.0, 160_000.0);
    // Oriented with the second country (Albania) on the left: Kosovo tripoint first, Bojana mouth last.
    Coordinate first = r.lineLonLat().getCoordinateN(0);
    Coordinate last = r.lineLonLat().getCoordinateN(r.lineLonLat().getNumPoints() - 1);
    assertThat(first.distance(new Coordinate(20.065, 42.547))).isLessThan(0.001);
    assertThat(last.distance(new Coordinate(19.365, 41.852))).isLessThan(0.001);
  }

  @Test
  void geoBoundariesPairWithGapsAndOverlapsGivesOneLineOfAbout174Km() throws Exception {
    Geometry mne = read("borders/geoboundaries-osm/geoBoundaries-MNE-ADM0_simplified.geojson");
    Geometry alb = read("borders/geoboundaries-osm/geoBoundaries-ALB-ADM0_simplified.geojson");
    LineString reference = (LineString) read("borders/reference/MNE-ALB_border_ne10m.geojson");

    SharedBorder.Result r = SharedBorder.between(mne, alb, SharedBorder.DEFAULT_TOLERANCE_M);

    // The OSM-derived outlines are more detailed than Natural Earth's 159 km line: along the same
    // stretch they measure 175.2 km (ALB) and 183.7 km (MNE), and their midline 173.8 km (see
    // docs/geo.md, "Border length and the dataset").
    assertThat(r.lengthM()).isBetween(172_000.0, 175_200.0);
    assertThat(r.piecesFound()).isEqualTo(1);
    // Two independent datasets: the lines agree to within the datasets' own 1–2 km disagreement.
    assertThat(hausdorffM(r.lineLonLat(), reference)).isLessThan(2_500);
    assertThat(r.droppedM()).isLessThan(5_000);
  }

  @Test
  void nonNeighboursAreAClearError() throws Exception {
    Geometry mne = read("borders/naturalearth-10m/MNE.geojson");
    Geometry grc = read("borders/naturalearth-10m/GRC.geojson");
    assertThatThrownBy(() -> SharedBorder.between(mne, grc, 2_500))
        .isInstanceOf(GeometryException.class)
        .hasMessageContaining("share no border");
  }
}
