package io.watchline.analytics.plan;

import io.watchline.analytics.archive.NightArchive;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Tonight's risk per sector and hour from the archive: crossings per night in that hour over the
 * recent weeks, times the share of the sector's border live sensors did not watch on those nights
 * (what the sensors expected up leave to patrols).
 */
public final class RiskModel {
  private RiskModel() {}

  /** Nights used: the {@code weeks} weeks before {@code night}. */
  public static Planner.Instance load(NightArchive a, LocalDate night, int weeks, Roster roster) throws IOException {
    LocalDate from = night.minusDays(7L * weeks);
    LocalDate to = night.minusDays(1);
    try {
      int nights;
      try (PreparedStatement q = a.prepare("SELECT count(*) FROM nights WHERE night BETWEEN ? AND ?")) {
        q.setObject(1, from);
        q.setObject(2, to);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          nights = rs.getInt(1);
        }
      }
      if (nights == 0) throw new IllegalArgumentException("the archive has no nights between " + from + " and " + to);
      List<String> sectors = new ArrayList<>();
      List<double[]> figures = new ArrayList<>();
      try (PreparedStatement q = a.prepare("SELECT sector, avg(border_km), avg(coalesce(sensor_km, 0)) FROM sector_nights"
          + " WHERE night BETWEEN ? AND ? GROUP BY sector ORDER BY sector")) {
        q.setObject(1, from);
        q.setObject(2, to);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            sectors.add(rs.getString(1));
            figures.add(new double[] {rs.getDouble(2), rs.getDouble(3)});
          }
        }
      }
      if (sectors.isEmpty()) throw new IllegalArgumentException("the archive has no sector table for " + from + " to " + to);
      double[] borderKm = new double[sectors.size()];
      double[] midKm = new double[sectors.size()];
      double[][] risk = new double[sectors.size()][Planner.SLOTS];
      double along = 0;
      for (int k = 0; k < sectors.size(); k++) {
        borderKm[k] = figures.get(k)[0];
        midKm[k] = along + borderKm[k] / 2;
        along += borderKm[k];
      }
      // Slot 0 is 18:00-19:00 UTC of the evening before, slot 11 is 05:00-06:00.
      try (PreparedStatement q = a.prepare("SELECT sector, (hour(t) + 6) % 24 AS slot, count(*) FROM incidents"
          + " WHERE night BETWEEN ? AND ? AND kind = 'crossing' AND sector IS NOT NULL GROUP BY ALL")) {
        q.setObject(1, from);
        q.setObject(2, to);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            int k = sectors.indexOf(rs.getString(1));
            int slot = rs.getInt(2);
            if (k < 0 || slot >= Planner.SLOTS) continue;
            double unwatched = borderKm[k] > 0 ? Math.max(0, 1 - figures.get(k)[1] / borderKm[k]) : 1;
            risk[k][slot] = rs.getDouble(3) / nights * unwatched;
          }
        }
      }
      for (Roster.Team t : roster.teams()) {
        if (!sectors.contains(t.base())) {
          throw new IllegalArgumentException("team " + t.id() + ": base '" + t.base() + "' is not a sector of the archive "
              + sectors);
        }
      }
      return new Planner.Instance(List.copyOf(sectors), borderKm, midKm, risk, roster.teams());
    } catch (SQLException e) {
      throw new IOException("archive: " + e.getMessage(), e);
    }
  }
}
