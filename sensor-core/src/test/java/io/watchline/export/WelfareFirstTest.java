package io.watchline.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Welfare incidents come first in an export, wherever they are in the file; counts are those of one pass. */
class WelfareFirstTest {
  @TempDir Path dir;

  static final String WELFARE = "{\"id\":\"INC-20261128-0002\",\"start\":\"2026-11-28T01:00:00.000Z\",\"end\":\"2026-11-28T02:05:00.000Z\","
      + "\"lat\":42.11,\"lon\":19.40,\"side\":\"MNE\",\"kind\":\"welfare\",\"score\":0.97,"
      + "\"factors\":{\"priority\":1,\"reasons\":\"stationary 64 min\"},\"track\":[],\"evidence\":[]}";

  @Test
  void welfareFirstInCsvAndGeoJson() throws Exception {
    Path in = dir.resolve("incidents.ndjson");
    // the welfare case is last in time; a crossing's reasons mentioning "welfare" must not confuse the filter
    Files.writeString(in, ExportRoundTripTest.INPUT + "\n" + WELFARE + "\n"
        + "{\"id\":\"INC-20261128-0003\",\"start\":\"2026-11-28T03:00:00.000Z\",\"end\":\"2026-11-28T03:05:00.000Z\","
        + "\"lat\":42.2,\"lon\":19.5,\"kind\":\"approach\",\"score\":0.6,\"factors\":{\"note\":\"welfare check done\"},"
        + "\"track\":[],\"evidence\":[]}\n");
    List<Reject> rejects = new ArrayList<>();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    ReadStats s;
    try (CsvRecordWriter w = new CsvRecordWriter(csv)) {
      s = Exporter.exportWelfareFirst(in, "incidents.ndjson", w, rejects::add, null);
    }
    List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(1)).contains("INC-20261128-0002").contains("welfare");
    assertThat(lines.stream().filter(l -> l.contains("INC-20261128-0002")).count()).isEqualTo(1);
    assertThat(lines.get(2)).contains("INC-20261127-0001");
    assertThat(s.read()).isEqualTo(s.accepted() + s.rejectedCount());
    assertThat(rejects).hasSize((int) s.rejectedCount());
    assertThat(s.rejectedCount()).isEqualTo(2);

    ByteArrayOutputStream gj = new ByteArrayOutputStream();
    try (GeoJsonRecordWriter w = new GeoJsonRecordWriter(gj, false, true)) {
      Exporter.exportWelfareFirst(in, "incidents.ndjson", w, r -> { }, null);
    }
    String g = gj.toString(StandardCharsets.UTF_8);
    assertThat(g.indexOf("INC-20261128-0002")).isLessThan(g.indexOf("INC-20261127-0001"));
  }
}
