package io.watchline.export;

import io.watchline.incident.Incident;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.Geometry;
import mil.nga.sf.GeometryType;
import mil.nga.sf.LineString;
import mil.nga.sf.Point;

/**
 * An OGC GeoPackage (opens in QGIS) with up to four feature tables in WGS84 (EPSG:4326), each
 * created on its first record: {@code incidents} (points), {@code incident_tracks} (line strings),
 * {@code observations} (points; null geometry when the observation has no position) and {@code
 * tracks} (fused tracks, line strings). Rows are
 * inserted in batched transactions, so the input is still streamed. A GeoPackage is an SQLite
 * file: it needs a path, not a stream.
 */
public final class GeoPackageRecordWriter implements RecordWriter {
  private static final long WGS84 = 4326;
  private static final int BATCH = 10_000;

  private final GeoPackage gpkg;
  private FeatureDao incidents;
  private FeatureDao tracks;
  private FeatureDao observations;
  private FeatureDao fusedTracks;
  private int inBatch;
  /** Extent per table, in the order incidents, tracks, observations: minX, minY, maxX, maxY. */
  private final double[][] extents = new double[4][];

  /** Creates the file; it must not exist and its name must end in {@code .gpkg}. */
  public GeoPackageRecordWriter(Path file) throws IOException {
    if (Files.exists(file)) {
      throw new IOException("GeoPackage already exists: " + file);
    }
    GeoPackageManager.create(file.toFile());
    this.gpkg = GeoPackageManager.open(file.toFile());
    gpkg.createGeometryColumnsTable();
    gpkg.beginTransaction();
  }

  @Override
  public void write(CanonicalRecord r) throws IOException {
    try {
      if (r instanceof CanonicalRecord.Inc i) {
        incident(i.incident());
      } else if (r instanceof CanonicalRecord.Obs o) {
        observation(o.observation());
      } else if (r instanceof CanonicalRecord.Trk t) {
        fusedTrack(t.track());
      }
      if (++inBatch >= BATCH) {
        gpkg.endAndBeginTransaction();
        inBatch = 0;
      }
    } catch (RuntimeException e) {
      throw new IOException("GeoPackage write failed: " + e.getMessage(), e);
    }
  }

  private void incident(Incident i) {
    if (incidents == null) {
      incidents =
          table("incidents", GeometryType.POINT,
              List.of(
                  text("incident_id"), text("kind"), text("start_time"), text("end_time"),
                  text("sector"), text("side"), real("score"), text("factors"),
                  integer("track_points"), integer("evidence_count"), text("evidence")));
    }
    FeatureRow row = incidents.newRow();
    row.setGeometry(geometry(new Point(i.lon(), i.lat())));
    extend(0, i.lon(), i.lat());
    row.setValue("incident_id", i.id());
    row.setValue("kind", i.kind().wireName());
    row.setValue("start_time", ExportFields.time(i.start()));
    row.setValue("end_time", ExportFields.time(i.end()));
    row.setValue("sector", i.sector());
    row.setValue("side", i.side());
    row.setValue("score", Double.isNaN(i.score()) ? null : i.score());
    row.setValue("factors", ExportFields.factors(i.factors()));
    row.setValue("track_points", (long) i.track().size());
    row.setValue("evidence_count", (long) i.evidence().size());
    row.setValue("evidence", ExportFields.evidence(i.evidence()));
    incidents.insert(row);
    if (i.track().size() >= 2) {
      if (tracks == null) {
        tracks =
            table("incident_tracks", GeometryType.LINESTRING,
                List.of(text("incident_id"), text("kind"), text("start_time"), text("end_time"), integer("points")));
      }
      LineString line = new LineString();
      for (TrackPoint p : i.track()) {
        line.addPoint(new Point(p.lon(), p.lat()));
        extend(1, p.lon(), p.lat());
      }
      FeatureRow t = tracks.newRow();
      t.setGeometry(geometry(line));
      t.setValue("incident_id", i.id());
      t.setValue("kind", i.kind().wireName());
      t.setValue("start_time", ExportFields.time(i.track().get(0).t()));
      t.setValue("end_time", ExportFields.time(i.track().get(i.track().size() - 1).t()));
      t.setValue("points", (long) i.track().size());
      tracks.insert(t);
    }
  }

  private void fusedTrack(TrackRecord t) {
    if (fusedTracks == null) {
      fusedTracks =
          table("tracks", GeometryType.LINESTRING,
              List.of(text("track_id"), text("label"), text("cls"), text("patrol_unit"), text("start_time"),
                  text("end_time"), integer("points"), text("properties")));
    }
    LineString line = new LineString();
    for (TrackPoint p : t.points()) {
      line.addPoint(new Point(p.lon(), p.lat()));
      extend(3, p.lon(), p.lat());
    }
    if (t.points().size() == 1) {
      line.addPoint(new Point(t.points().get(0).lon(), t.points().get(0).lat())); // a line needs two points
    }
    FeatureRow row = fusedTracks.newRow();
    row.setGeometry(geometry(line));
    row.setValue("track_id", t.id());
    row.setValue("label", t.text("label"));
    row.setValue("cls", t.text("cls"));
    row.setValue("patrol_unit", t.text("patrol_unit"));
    row.setValue("start_time", ExportFields.time(t.start()));
    row.setValue("end_time", ExportFields.time(t.end()));
    row.setValue("points", (long) t.points().size());
    row.setValue("properties", ExportFields.factors(t.properties()));
    fusedTracks.insert(row);
  }

  private void observation(Observation o) {
    if (observations == null) {
      observations =
          table("observations", GeometryType.POINT,
              List.of(
                  text("t"), text("kind"), text("sensor"), integer("seq"), real("range_m"),
                  real("bearing_deg"), text("track"), real("speed_mps"), real("course_deg"),
                  text("cls"), real("conf"), text("unit"), text("src")));
    }
    FeatureRow row = observations.newRow();
    if (o.hasPosition()) {
      row.setGeometry(geometry(new Point(o.lon(), o.lat())));
      extend(2, o.lon(), o.lat());
    }
    row.setValue("t", ExportFields.time(o.t()));
    row.setValue("kind", o.kind().wireName());
    row.setValue("sensor", o.sensor());
    row.setValue("seq", o.seq() >= 0 ? o.seq() : null);
    row.setValue("range_m", orNull(o.rangeM()));
    row.setValue("bearing_deg", orNull(o.bearingDeg()));
    row.setValue("track", o.track());
    row.setValue("speed_mps", orNull(o.speedMps()));
    row.setValue("course_deg", orNull(o.courseDeg()));
    row.setValue("cls", o.cls());
    row.setValue("conf", orNull(o.conf()));
    row.setValue("unit", o.unit());
    row.setValue("src", ExportFields.source(o.src()));
    observations.insert(row);
  }

  private void extend(int table, double x, double y) {
    double[] e = extents[table];
    if (e == null) {
      extents[table] = new double[] {x, y, x, y};
    } else {
      e[0] = Math.min(e[0], x);
      e[1] = Math.min(e[1], y);
      e[2] = Math.max(e[2], x);
      e[3] = Math.max(e[3], y);
    }
  }

  private FeatureDao table(String name, GeometryType type, List<FeatureColumn> columns) {
    GeometryColumns g = new GeometryColumns();
    g.setId(new mil.nga.geopackage.db.TableColumnKey(name, "geom"));
    g.setGeometryType(type);
    g.setZ((byte) 0);
    g.setM((byte) 0);
    g.setSrsId(WGS84);
    // Table creation goes through a second connection: commit the open batch around it, or the
    // database is locked.
    gpkg.endTransaction(true);
    gpkg.createFeatureTable(FeatureTableMetadata.create(g, new ArrayList<>(columns)));
    FeatureDao dao = gpkg.getFeatureDao(name);
    gpkg.beginTransaction();
    return dao;
  }

  private static GeoPackageGeometryData geometry(Geometry g) {
    GeoPackageGeometryData data = new GeoPackageGeometryData(WGS84);
    data.setGeometry(g);
    return data;
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static FeatureColumn text(String name) {
    return FeatureColumn.createColumn(name, GeoPackageDataType.TEXT);
  }

  private static FeatureColumn real(String name) {
    return FeatureColumn.createColumn(name, GeoPackageDataType.DOUBLE);
  }

  private static FeatureColumn integer(String name) {
    return FeatureColumn.createColumn(name, GeoPackageDataType.INTEGER);
  }

  @Override
  public void finish() throws IOException {
    try {
      gpkg.endTransaction(true);
      // Record each table's extent so that QGIS zooms to the data.
      FeatureDao[] daos = {incidents, tracks, observations, fusedTracks};
      for (int t = 0; t < daos.length; t++) {
        if (daos[t] == null || extents[t] == null) continue;
        Contents c = daos[t].getGeometryColumns().getContents();
        c.setMinX(extents[t][0]);
        c.setMinY(extents[t][1]);
        c.setMaxX(extents[t][2]);
        c.setMaxY(extents[t][3]);
        gpkg.getContentsDao().update(c);
      }
    } catch (java.sql.SQLException | RuntimeException e) {
      throw new IOException("GeoPackage finish failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (gpkg.inTransaction()) {
      gpkg.failTransaction();
    }
    gpkg.close();
  }
}
