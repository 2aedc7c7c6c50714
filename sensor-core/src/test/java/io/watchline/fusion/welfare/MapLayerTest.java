package io.watchline.fusion.welfare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.fusion.Synth;
import io.watchline.geo.geodesy.Geodesy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapLayerTest {
  @TempDir Path dir;

  @Test
  void nearestRoadPointAndInsideWater() throws Exception {
    double[] a = Synth.at(-2000, 1000), b = Synth.at(2000, 1000);
    Path roads = dir.resolve("roads.geojson");
    Files.writeString(roads, String.format(Locale.ROOT,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":"
            + "{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}}]}", a[1], a[0], b[1], b[0]));
    MapLayer layer = MapLayer.read(Synth.BORDER, roads);
    double[] from = Synth.at(300, 200);
    double[] xy = Synth.BORDER.toXY(from[0], from[1]);
    MapLayer.Nearest n = layer.nearest(xy[0], xy[1]);
    // geodesic oracle: the road point straight north of the place
    assertThat(n.distanceM()).isCloseTo(Geodesy.distance(from[0], from[1], n.lat(), n.lon()), org.assertj.core.data.Offset.offset(1.0));
    assertThat(n.distanceM()).isCloseTo(800, org.assertj.core.data.Offset.offset(5.0));
    double[] far = Synth.BORDER.toXY(Synth.at(0, 7000)[0], Synth.at(0, 7000)[1]);
    assertThat(layer.nearest(far[0], far[1])).as("beyond 5 km").isNull();

    double[] p = Synth.at(-100, -100), q = Synth.at(100, 100);
    Path water = dir.resolve("water.geojson");
    Files.writeString(water, String.format(Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%1$.7f,%2$.7f],[%3$.7f,%2$.7f],[%3$.7f,%4$.7f],[%1$.7f,%4$.7f],[%1$.7f,%2$.7f]]]}",
        p[1], p[0], q[1], q[0]));
    MapLayer lake = MapLayer.read(Synth.BORDER, water);
    double[] in = Synth.BORDER.toXY(Synth.at(10, 20)[0], Synth.at(10, 20)[1]);
    assertThat(lake.nearest(in[0], in[1]).distanceM()).isZero();
    double[] out = Synth.BORDER.toXY(Synth.at(150, 0)[0], Synth.at(150, 0)[1]);
    assertThat(lake.nearest(out[0], out[1]).distanceM()).isCloseTo(50, org.assertj.core.data.Offset.offset(2.0));
  }

  @Test
  void aFileWithoutGeometryIsRefused() throws Exception {
    Path empty = dir.resolve("empty.geojson");
    Files.writeString(empty, "{\"type\":\"FeatureCollection\",\"features\":[]}");
    assertThatThrownBy(() -> MapLayer.read(Synth.BORDER, empty)).isInstanceOf(RuntimeException.class);
  }
}
