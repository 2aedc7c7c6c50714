package io.watchline.analytics.archive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The night archive: one DuckDB file holding every night's incidents, per-sector coverage and
 * sensor up-time. The nightly folders' NDJSON and CSV stay the record of truth; the archive is an
 * index over them and can be rebuilt from them at any time. Adding a night replaces that night's
 * rows in one transaction, so adding it twice changes nothing.
 */
public final class NightArchive implements AutoCloseable {
  /** The archive file nightly keeps in its output root. */
  public static final String DEFAULT_FILE = "archive.duckdb";

  private final DuckDBConnection db;

  /** What adding one night did. */
  public enum Outcome { ADDED, REPLACED, UNCHANGED }

  private NightArchive(DuckDBConnection db) {
    this.db = db;
  }

  /** Opens (creating when absent) the archive file. */
  public static NightArchive open(Path file) throws IOException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      if (file.getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
      Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
      NightArchive a = new NightArchive(c.unwrap(DuckDBConnection.class));
      a.createSchema();
      return a;
    } catch (SQLException | ClassNotFoundException e) {
      throw new IOException("cannot open the archive " + file + ": " + firstLine(e), e);
    }
  }

  /** Opens an existing archive for reading; a missing file is an error, not a new empty archive. */
  public static NightArchive openExisting(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file + " (no archive there; build it with 'watchline archive add')");
    }
    return open(file);
  }

  private void createSchema() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS nights(night DATE PRIMARY KEY, sha256 VARCHAR, incidents INTEGER)");
      s.execute("CREATE TABLE IF NOT EXISTS incidents(night DATE, id VARCHAR, t TIMESTAMP, sector VARCHAR, kind VARCHAR,"
          + " side VARCHAR, score DOUBLE, lat DOUBLE, lon DOUBLE, group_size INTEGER)");
      s.execute("CREATE TABLE IF NOT EXISTS sector_nights(night DATE, sector VARCHAR, name VARCHAR, border_km DOUBLE,"
          + " sensor_km DOUBLE, patrol_km DOUBLE, uncovered_km DOUBLE, unwatched_km_h DOUBLE, incidents_in_gaps INTEGER)");
      s.execute("CREATE TABLE IF NOT EXISTS sensor_nights(night DATE, sensor VARCHAR, up_pct DOUBLE)");
    }
  }

  /** Adds (or replaces) one night; a night already there with the same content is left alone. */
  public Outcome add(NightFolder n) throws IOException {
    try {
      String known = null;
      try (PreparedStatement q = db.prepareStatement("SELECT sha256 FROM nights WHERE night = ?")) {
        q.setObject(1, n.night());
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) known = rs.getString(1);
        }
      }
      if (n.sha256().equals(known)) return Outcome.UNCHANGED;
      db.setAutoCommit(false);
      try {
        deleteNights(List.of(n.night()));
        try (Appenders ap = new Appenders()) {
          ap.append(n);
        }
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
      return known == null ? Outcome.ADDED : Outcome.REPLACED;
    } catch (SQLException e) {
      throw new IOException("archive: adding " + n.night() + " failed: " + firstLine(e), e);
    }
  }

  /** One appender per table, kept open over many nights. */
  private final class Appenders implements AutoCloseable {
    final DuckDBAppender nights = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "nights");
    final DuckDBAppender incidents = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "incidents");
    final DuckDBAppender sectors = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sector_nights");
    final DuckDBAppender sensors = db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sensor_nights");

    Appenders() throws SQLException {}

    void append(NightFolder n) throws SQLException {
      nights.beginRow().append(n.night()).append(n.sha256()).append(n.incidents().size()).endRow();
      for (NightFolder.IncidentRow i : n.incidents()) {
        incidents.beginRow().append(n.night()).append(i.id()).append(i.t().atOffset(ZoneOffset.UTC).toLocalDateTime());
        str(incidents, i.sector());
        str(incidents, i.kind());
        str(incidents, i.side());
        incidents.append(i.score()).append(i.lat()).append(i.lon()).append(i.groupSize()).endRow();
      }
      for (NightFolder.SectorRow s : n.sectors()) {
        sectors.beginRow().append(n.night()).append(s.sector());
        str(sectors, s.name());
        sectors.append(s.borderKm()).append(s.sensorKm()).append(s.patrolKm()).append(s.uncoveredKm()).append(s.unwatchedKmH())
            .append(s.incidentsInGaps()).endRow();
      }
      for (NightFolder.SensorRow s : n.sensors()) {
        sensors.beginRow().append(n.night()).append(s.sensor()).append(s.upPct()).endRow();
      }
    }

    @Override
    public void close() throws SQLException {
      for (DuckDBAppender a : List.of(nights, incidents, sectors, sensors)) a.close();
    }
  }

  private static void str(DuckDBAppender a, String v) throws SQLException {
    if (v == null) a.appendNull();
    else a.append(v);
  }

  /** What adding a folder of nights did: counts per outcome, and lines that could not be read. */
  public record Summary(int added, int replaced, int unchanged, long incidents, List<String> problems) {
    @Override
    public String toString() {
      return added + " nights added, " + replaced + " replaced, " + unchanged + " unchanged (" + incidents
          + " incidents read" + (problems.isEmpty() ? "" : ", " + problems.size() + " unreadable lines") + ")";
    }
  }

  /**
   * Adds every night folder under {@code dir} (a nightly output root, a simulated months folder,
   * or one night) in one transaction: a first pass hashes each folder to find the new and changed
   * nights, their old rows go in one delete per table, and a second pass appends the rows, one
   * night in memory at a time.
   */
  public Summary addAll(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir + " (not a folder of nights)");
    }
    try {
      java.util.Map<LocalDate, String> known = new java.util.HashMap<>();
      try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT night, sha256 FROM nights")) {
        while (rs.next()) known.put(rs.getObject(1, LocalDate.class), rs.getString(2));
      }
      int added = 0;
      int replaced = 0;
      int unchanged = 0;
      List<Path> todo = new ArrayList<>();
      List<LocalDate> stale = new ArrayList<>();
      for (Path p : nightFolders(dir)) {
        NightFolder n = NightFolder.read(p);
        String sha = known.get(n.night());
        if (n.sha256().equals(sha)) {
          unchanged++;
          continue;
        }
        if (sha == null) added++;
        else {
          replaced++;
          stale.add(n.night());
        }
        todo.add(p);
      }
      long incidents = 0;
      List<String> problems = new ArrayList<>();
      db.setAutoCommit(false);
      try {
        deleteNights(stale);
        try (Appenders ap = new Appenders()) {
          for (Path p : todo) {
            NightFolder n = NightFolder.read(p);
            ap.append(n);
            incidents += n.incidents().size();
            problems.addAll(n.problems());
          }
        }
        db.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
      return new Summary(added, replaced, unchanged, incidents, List.copyOf(problems));
    } catch (SQLException e) {
      throw new IOException("archive: adding " + dir + " failed: " + firstLine(e), e);
    }
  }

  private void deleteNights(List<LocalDate> nights) throws SQLException {
    if (nights.isEmpty()) return;
    // ISO dates are digits and dashes only, so the list can be written into the statement.
    String list = String.join(", ", nights.stream().map(d -> "DATE '" + d + "'").toList());
    try (Statement s = db.createStatement()) {
      for (String table : List.of("nights", "incidents", "sector_nights", "sensor_nights")) {
        s.execute("DELETE FROM " + table + " WHERE night IN (" + list + ")");
      }
    }
  }

  /** The night folders under {@code dir}: {@code dir} itself when it is one, else its dated sub-folders, in date order. */
  public static List<Path> nightFolders(Path dir) throws IOException {
    if (NightFolder.isNight(dir)) return List.of(dir);
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (Files.isDirectory(p) && NightFolder.isNight(p)) out.add(p);
      }
    }
    out.sort(null);
    return out;
  }

  /** Nights in the archive, in order. */
  public List<LocalDate> nights() throws IOException {
    List<LocalDate> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT night FROM nights ORDER BY night")) {
      while (rs.next()) out.add(rs.getObject(1, LocalDate.class));
    } catch (SQLException e) {
      throw new IOException("archive: " + firstLine(e), e);
    }
    return out;
  }

  /** A read-only query for the analyses; the caller closes the statement. */
  public PreparedStatement prepare(String sql) throws IOException {
    try {
      return db.prepareStatement(sql);
    } catch (SQLException e) {
      throw new IOException("archive: " + firstLine(e), e);
    }
  }

  static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  @Override
  public void close() throws IOException {
    try {
      db.close();
    } catch (SQLException e) {
      throw new IOException("archive: closing failed: " + firstLine(e), e);
    }
  }
}
