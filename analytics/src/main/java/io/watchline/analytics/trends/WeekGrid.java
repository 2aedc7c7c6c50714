package io.watchline.analytics.trends;

import io.watchline.analytics.archive.NightArchive;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The archive folded onto a sector × week grid: week {@code w} holds the nights
 * {@code from + 7w .. from + 7w + 6}. Sectors are in id order, which is their order along the
 * border as {@code sectors} numbers them; neighbours along the border are adjacent ids.
 */
public final class WeekGrid {
  public final LocalDate from;
  public final LocalDate to;
  public final List<String> sectors;
  public final List<String> names;
  /** Border km per sector (as the nights reported it). */
  public final double[] borderKm;
  public final int weeks;
  /** Archived nights per week (a week with none has no figures). */
  public final int[] nights;
  /** [sector][week] counts. */
  public final int[][] crossings;
  public final int[][] incidents;
  public final int[][] inGaps;
  /** [sector][week] sums over the week's nights (divide by nights for the nightly mean). */
  public final double[][] sensorKm;
  public final double[][] patrolKm;
  public final double[][] uncoveredKm;
  public final long[][] groupSizeSum;
  public final int[][] groupSizeCount;
  /** Incidents by kind name (every kind, known or not): kind -> [sector][week]. */
  public final Map<String, int[][]> byKind = new TreeMap<>();
  /** Incidents by direction: side -> [sector][week]. */
  public final Map<String, int[][]> bySide = new TreeMap<>();
  /** [sector][hour of day, UTC] incident counts. */
  public final int[][] hours;

  private WeekGrid(LocalDate from, LocalDate to, List<String> sectors, List<String> names) {
    this.from = from;
    this.to = to;
    this.sectors = List.copyOf(sectors);
    this.names = List.copyOf(names);
    int s = sectors.size();
    this.weeks = (int) ((to.toEpochDay() - from.toEpochDay()) / 7) + 1;
    borderKm = new double[s];
    nights = new int[weeks];
    crossings = new int[s][weeks];
    incidents = new int[s][weeks];
    inGaps = new int[s][weeks];
    sensorKm = new double[s][weeks];
    patrolKm = new double[s][weeks];
    uncoveredKm = new double[s][weeks];
    groupSizeSum = new long[s][weeks];
    groupSizeCount = new int[s][weeks];
    hours = new int[s][24];
  }

  public LocalDate weekStart(int w) {
    return from.plusDays(7L * w);
  }

  /** Crossings per archived night in the week; NaN for a week without nights. */
  public double crossingRate(int s, int w) {
    return nights[w] == 0 ? Double.NaN : (double) crossings[s][w] / nights[w];
  }

  public double mean(double[][] sums, int s, int w) {
    return nights[w] == 0 ? Double.NaN : sums[s][w] / nights[w];
  }

  /** Loads the nights {@code from..to} (null: the archive's first / last night). */
  public static WeekGrid load(NightArchive a, LocalDate fromOrNull, LocalDate toOrNull) throws IOException {
    List<LocalDate> all = a.nights();
    if (all.isEmpty()) throw new IOException("the archive holds no nights");
    LocalDate from = fromOrNull != null ? fromOrNull : all.get(0);
    LocalDate to = toOrNull != null ? toOrNull : all.get(all.size() - 1);
    if (to.isBefore(from)) throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    try {
      List<String> ids = new ArrayList<>();
      List<String> names = new ArrayList<>();
      try (PreparedStatement q = a.prepare(
          "SELECT sector, max(coalesce(name, '')) FROM (SELECT sector, name FROM sector_nights WHERE night BETWEEN ? AND ?"
              + " UNION ALL SELECT sector, NULL FROM incidents WHERE night BETWEEN ? AND ? AND sector IS NOT NULL)"
              + " GROUP BY sector ORDER BY sector")) {
        bind(q, from, to, from, to);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
            names.add(rs.getString(2));
          }
        }
      }
      WeekGrid g = new WeekGrid(from, to, ids, names);
      g.fill(a);
      return g;
    } catch (SQLException e) {
      throw new IOException("archive: " + e.getMessage(), e);
    }
  }

  private static final String WEEK = "CAST(floor(datediff('day', CAST(? AS DATE), night) / 7) AS INTEGER)";

  private void fill(NightArchive a) throws SQLException, IOException {
    try (PreparedStatement q = a.prepare("SELECT " + WEEK + " AS w, count(*) FROM nights WHERE night BETWEEN ? AND ? GROUP BY w")) {
      bind(q, from, from, to);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) nights[rs.getInt(1)] = rs.getInt(2);
      }
    }
    try (PreparedStatement q = a.prepare("SELECT sector, " + WEEK + " AS w, sum(coalesce(sensor_km, 0)), sum(coalesce(patrol_km, 0)),"
        + " sum(coalesce(uncovered_km, 0)), sum(incidents_in_gaps), avg(border_km) FROM sector_nights"
        + " WHERE night BETWEEN ? AND ? GROUP BY sector, w")) {
      bind(q, from, from, to);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          int s = sectors.indexOf(rs.getString(1));
          int w = rs.getInt(2);
          sensorKm[s][w] = rs.getDouble(3);
          patrolKm[s][w] = rs.getDouble(4);
          uncoveredKm[s][w] = rs.getDouble(5);
          inGaps[s][w] = rs.getInt(6);
          if (!Double.isNaN(rs.getDouble(7))) borderKm[s] = rs.getDouble(7);
        }
      }
    }
    try (PreparedStatement q = a.prepare("SELECT sector, " + WEEK + " AS w, coalesce(kind, 'unknown'), coalesce(side, ''),"
        + " count(*), sum(CASE WHEN group_size > 0 THEN group_size ELSE 0 END), count(*) FILTER (WHERE group_size > 0)"
        + " FROM incidents WHERE night BETWEEN ? AND ? AND sector IS NOT NULL GROUP BY ALL")) {
      bind(q, from, from, to);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          int s = sectors.indexOf(rs.getString(1));
          int w = rs.getInt(2);
          String kind = rs.getString(3);
          int n = rs.getInt(5);
          incidents[s][w] += n;
          if (kind.equals("crossing")) {
            crossings[s][w] += n;
            groupSizeSum[s][w] += rs.getLong(6);
            groupSizeCount[s][w] += rs.getInt(7);
          }
          byKind.computeIfAbsent(kind, k -> new int[sectors.size()][weeks])[s][w] += n;
          if (!rs.getString(4).isEmpty()) bySide.computeIfAbsent(rs.getString(4), k -> new int[sectors.size()][weeks])[s][w] += n;
        }
      }
    }
    try (PreparedStatement q = a.prepare("SELECT sector, hour(t), count(*) FROM incidents WHERE night BETWEEN ? AND ?"
        + " AND sector IS NOT NULL GROUP BY ALL")) {
      bind(q, from, to);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) hours[sectors.indexOf(rs.getString(1))][rs.getInt(2)] += rs.getInt(3);
      }
    }
  }

  private static void bind(PreparedStatement q, LocalDate... dates) throws SQLException {
    for (int i = 0; i < dates.length; i++) q.setObject(i + 1, dates[i]);
  }
}
