package io.watchline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.analytics.archive.NightArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightArchiveTest {
  @TempDir Path tmp;

  static void night(Path root, String date, String... incidentLines) throws Exception {
    Path d = Files.createDirectories(root.resolve(date));
    Files.writeString(d.resolve("incidents.ndjson"), String.join("\n", incidentLines) + (incidentLines.length > 0 ? "\n" : ""),
        StandardCharsets.UTF_8);
    Files.writeString(d.resolve("sectors.csv"),
        "sector,name,sides,border_km,incidents,crossing,approach,loiter,unwatched_utc,sensor_km,patrol_km,uncovered_km,unwatched_km_h,incidents_in_gaps\r\n"
            + "S-01,,ALB/MNE,10.00,1,1,0,0,\"01:00–02:00, 03:00–04:00\",4.00,1.00,5.00,60.00,1\r\n"
            + "S-02,Ridge,ALB/MNE,8.00,0,0,0,0,,8.00,0.00,0.00,0.00,0\r\n", StandardCharsets.UTF_8);
  }

  static String incident(String id, String t, String sector, String kind) {
    return "{\"id\":\"" + id + "\",\"start\":\"" + t + "\",\"end\":\"" + t + "\",\"lat\":42.1,\"lon\":19.3,\"sector\":\""
        + sector + "\",\"side\":\"ALB→MNE\",\"kind\":\"" + kind + "\",\"score\":0.8,\"factors\":{\"group_size\":3}}";
  }

  static long count(NightArchive a, String sql) throws Exception {
    try (PreparedStatement q = a.prepare(sql); ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void addingTheSameNightsTwiceChangesNothingAndUnknownKindsAreKept() throws Exception {
    Path root = tmp.resolve("nightly");
    night(root, "2026-11-27", incident("INC-1", "2026-11-26T23:00:00.000Z", "S-01", "crossing"),
        incident("INC-2", "2026-11-27T01:00:00.000Z", "S-02", "welfare"), "{not json");
    night(root, "2026-11-28");
    Files.createDirectories(root.resolve("not-a-night"));
    Path db = tmp.resolve("a.duckdb");
    try (NightArchive a = NightArchive.open(db)) {
      NightArchive.Summary first = a.addAll(root);
      assertThat(first.added()).isEqualTo(2);
      assertThat(first.problems()).singleElement().asString().contains("line 3");
      NightArchive.Summary again = a.addAll(root);
      assertThat(again.unchanged()).isEqualTo(2);
      assertThat(count(a, "SELECT count(*) FROM incidents")).isEqualTo(2);
      assertThat(count(a, "SELECT count(*) FROM incidents WHERE kind = 'welfare'")).isEqualTo(1);
      assertThat(count(a, "SELECT count(*) FROM sector_nights")).isEqualTo(4);
      assertThat(count(a, "SELECT sum(group_size) FROM incidents")).isEqualTo(6);
      // A night whose files changed replaces its rows, never adds to them.
      night(root, "2026-11-28", incident("INC-9", "2026-11-28T02:00:00.000Z", "S-01", "approach"));
      assertThat(a.addAll(root).replaced()).isEqualTo(1);
      assertThat(count(a, "SELECT count(*) FROM incidents")).isEqualTo(3);
      assertThat(count(a, "SELECT count(*) FROM sector_nights")).isEqualTo(4);
      assertThat(count(a, "SELECT round(sum(uncovered_km)) FROM sector_nights")).isEqualTo(10);
    }
    assertThat(NightArchive.nightFolders(root.resolve("2026-11-27"))).hasSize(1);
  }
}
