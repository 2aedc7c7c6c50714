package io.watchline.geo.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Features of every feature table of an OGC GeoPackage (NGA's library), converted to JTS through
 * WKB. Tables must be in WGS84 lon/lat (EPSG:4326, or the GeoPackage's undefined geographic SRS).
 */
public final class GeoPackageIo {
  private GeoPackageIo() {}

  public static List<GeoFeature> read(Path file) throws IOException {
    List<GeoFeature> out = new ArrayList<>();
    GeoPackage gp;
    try {
      gp = GeoPackageManager.open(file.toFile(), false);
    } catch (RuntimeException e) {
      throw new GeometryException(file + ": not a readable GeoPackage: " + e.getMessage());
    }
    try (gp) {
      WKBReader wkb = new WKBReader();
      for (String table : gp.getFeatureTables()) {
        FeatureDao dao = gp.getFeatureDao(table);
        SpatialReferenceSystem srs = dao.getSrs();
        long srsId = dao.getSrsId();
        boolean lonLat = srsId == 4326 || srsId == 0
            || (srs != null && "EPSG".equalsIgnoreCase(srs.getOrganization()) && srs.getOrganizationCoordsysId() == 4326);
        if (!lonLat) {
          throw new GeometryException(file + ": table '" + table + "' is in SRS " + srsId + "; only WGS84 lon/lat (EPSG:4326) is supported");
        }
        String geomColumn = dao.getGeometryColumnName();
        FeatureResultSet rs = dao.queryForAll();
        try {
          int k = 0;
          while (rs.moveToNext()) {
            FeatureRow row = rs.getRow();
            String label = file + " table " + table + " row " + k++;
            GeoPackageGeometryData data = row.getGeometry();
            if (data == null || data.isEmpty() || data.getWkb() == null) {
              throw new GeometryException(label + ": empty geometry");
            }
            Geometry g;
            try {
              g = wkb.read(data.getWkb());
            } catch (ParseException e) {
              throw new GeometryException(label + ": unreadable geometry: " + e.getMessage());
            }
            Map<String, Object> props = new LinkedHashMap<>();
            for (String col : row.getColumnNames()) {
              if (!col.equals(geomColumn)) {
                Object v = row.getValue(col);
                if (v != null) {
                  props.put(col, v);
                }
              }
            }
            out.add(new GeoFeature(Geometries.checked(g, label), props));
          }
        } finally {
          rs.close();
        }
      }
    }
    if (out.isEmpty()) {
      throw new GeometryException(file + ": no features in any feature table");
    }
    return out;
  }
}
