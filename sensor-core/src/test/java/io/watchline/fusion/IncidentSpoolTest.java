package io.watchline.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Source;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentSpoolTest {
  @TempDir Path dir;

  @Test
  void incidentsComeBackEqualFieldForFieldAndInOrder() throws Exception {
    Random rnd = new Random(9);
    List<Incident> written = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      Map<String, Object> factors = new LinkedHashMap<>();
      factors.put("hits", rnd.nextInt(5000));
      factors.put("tracks", rnd.nextBoolean() ? "1,5,9" : "é-" + k);
      factors.put("seen", rnd.nextLong());
      factors.put("cls_share", rnd.nextDouble());
      factors.put("night", rnd.nextBoolean());
      factors.put("nothing", null);
      List<TrackPoint> track = new ArrayList<>();
      for (int p = rnd.nextInt(50); p > 0; p--) {
        track.add(new TrackPoint(19 + rnd.nextDouble(), 42 + rnd.nextDouble(), Instant.ofEpochSecond(1_800_000_000L + p, rnd.nextInt(1_000_000_000))));
      }
      List<Source> evidence = new ArrayList<>();
      for (int e = rnd.nextInt(400); e > 0; e--) {
        evidence.add(rnd.nextInt(5) == 0 ? new Source(null, e, Source.ABSENT) : new Source("radar-" + rnd.nextInt(3) + ".ndjson", Source.ABSENT, e));
      }
      written.add(new Incident("INC-" + k, Instant.ofEpochMilli(1_800_000_000_000L + k), Instant.ofEpochMilli(1_800_000_100_000L + k),
          42 + rnd.nextDouble(), 19 + rnd.nextDouble(), rnd.nextBoolean() ? null : "S-0" + rnd.nextInt(9), "N→S",
          IncidentKind.values()[rnd.nextInt(IncidentKind.values().length)], rnd.nextDouble(), factors, track, evidence));
    }
    Path file = dir.resolve("region.bin");
    try (IncidentSpool.Writer w = new IncidentSpool.Writer(file)) {
      for (Incident i : written) w.write(i);
    }
    List<Incident> read = new ArrayList<>();
    try (IncidentSpool.Reader r = new IncidentSpool.Reader(file)) {
      for (Incident i; (i = r.next()) != null; ) read.add(i);
    }
    assertThat(read).isEqualTo(written);
    assertThat(read.get(0).factors().get("hits")).isInstanceOf(Integer.class);
  }
}
