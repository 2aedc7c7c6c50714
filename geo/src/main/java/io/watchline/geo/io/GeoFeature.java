package io.watchline.geo.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature read from a geometry file: a lon/lat geometry (x = longitude, y = latitude) and its
 * properties (strings, numbers, booleans, nested maps/lists as Jackson would bind them).
 */
public record GeoFeature(Geometry geometry, Map<String, Object> properties) {
  public GeoFeature {
    properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }

  /** A property as a string, or null when absent. */
  public String string(String key) {
    Object v = properties.get(key);
    return v == null ? null : v.toString();
  }
}
