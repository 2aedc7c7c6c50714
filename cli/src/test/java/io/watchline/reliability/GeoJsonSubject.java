package io.watchline.reliability;

import io.watchline.geo.io.GeoFeature;
import io.watchline.geo.io.GeoJson;
import io.watchline.geo.io.GeometryException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * GeoJSON borders and sectors: any input either gives features whose coordinates are finite
 * lon/lat, or fails with a {@link GeometryException} whose message can be shown as it is.
 */
final class GeoJsonSubject implements FuzzSubject {
  @Override
  public String name() {
    return "geojson";
  }

  @Override
  public List<Path> seeds() {
    return Samples.concat(
        Samples.files(Samples.fixtures().resolve("borders/naturalearth-10m"), "*.geojson"),
        Samples.files(Samples.fixtures().resolve("borders/reference"), "*.geojson"));
  }

  @Override
  public void check(byte[] data) {
    List<GeoFeature> features;
    try {
      features = GeoJson.read(new ByteArrayInputStream(data), "border.geojson");
    } catch (GeometryException e) {
      String m = e.getMessage();
      if (m == null || m.isBlank() || m.contains("\n")) {
        throw fail(data, "GeometryException without a one-line message: [" + m + "]", e);
      }
      return;
    } catch (Throwable e) {
      throw fail(data, "threw " + e + " instead of GeometryException", e);
    }
    for (GeoFeature f : features) {
      for (Coordinate c : f.geometry().getCoordinates()) {
        if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
          throw fail(data, "coordinate outside lon/lat range: " + c, null);
        }
      }
    }
  }

  private AssertionError fail(byte[] data, String what, Throwable cause) {
    return FeedRun.fail(new FeedTarget(name(), null, List::of, FeedTarget.NOT_CHECKED, 0, false, null), data, what, cause);
  }

  @Override
  public String toString() {
    return name();
  }
}
