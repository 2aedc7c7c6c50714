package io.watchline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.RejectSink;
import io.watchline.fixtures.FixtureData;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is dropped silently: records behind the watermark and bad input lines come back with their reason. */
@ExtendWith(SharedMiniCluster.class)
class LateAndRejectedRecordsTest {
  @TempDir Path dir;

  FuseSettings settings(List<String> inputs, long latenessMs) throws Exception {
    Path border = FixtureData.copy(FixtureData.BORDER_MNE_ALB, dir.resolve("border.geojson"));
    Path sites = FixtureData.copy(FixtureData.DEMO_SITES, dir.resolve("sites.yaml"));
    return new FuseSettings(inputs, border.toString(), null, 10_000, 5_000, sites.toString(), 0.5, latenessMs, 2, 5_000);
  }

  /** A watermark after every record, so that what is late does not depend on a timer. */
  static final class EveryRecord implements WatermarkGenerator<Sourced> {
    private final long latenessMs;
    private long max = Long.MIN_VALUE;

    EveryRecord(long latenessMs) {
      this.latenessMs = latenessMs;
    }

    @Override
    public void onEvent(Sourced s, long ts, WatermarkOutput out) {
      max = Math.max(max, ts);
      out.emitWatermark(new Watermark(max - latenessMs - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput out) {}
  }

  @Test
  void aRecordBehindTheWatermarkIsCountedAndWrittenWithItsReason() throws Exception {
    List<Observation> obs = new ArrayList<>();
    try (InputStream in = FixtureData.open("demo/night/radar.ndjson");
        NdjsonObservationReader r = new NdjsonObservationReader(in, "radar.ndjson", RejectSink.DISCARD)) {
      for (Observation o; obs.size() < 3_000 && (o = r.next()) != null; ) {
        obs.add(o);
      }
    }
    Observation straggler = obs.get(100);
    assertThat(obs.get(2_000).t().toEpochMilli() - straggler.t().toEpochMilli()).isGreaterThan(60_000);
    List<Sourced> items = new ArrayList<>();
    for (int i = 0; i < obs.size(); i++) {
      if (i != 100) {
        items.add(new Sourced(items.size(), obs.get(i), null));
      }
      if (i == 2_000) {
        items.add(new Sourced(items.size(), straggler, null));
      }
    }
    FuseSettings s = settings(List.of("radar.ndjson"), 30_000);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1); // one channel: the watermark a record meets is fixed by the input order
    FuseJob.prepare(env);
    DataStream<Sourced> in = env.fromData(items).assignTimestampsAndWatermarks(WatermarkStrategy
        .<Sourced>forGenerator(c -> new EveryRecord(s.reorderWindowMs())).withTimestampAssigner((x, ts) -> FuseJob.eventTime(x)));
    ByteArrayOutputStream rejects = new ByteArrayOutputStream();
    FuseJob.Result r;
    try (IncidentSpool spool = new IncidentSpool()) {
      r = FuseJob.collect(env, FuseJob.pipeline(in, s), spool, OutputStream.nullOutputStream(), rejects);
    }

    assertThat(r.late()).isEqualTo(1);
    assertThat(r.observations()).isEqualTo(obs.size());
    String line = rejects.toString(StandardCharsets.UTF_8);
    assertThat(line.lines()).hasSize(1);
    assertThat(line).contains("late record: ").contains("behind the watermark (lateness 30000 ms)")
        .contains("\"line\":" + straggler.src().line());
  }

  @Test
  void badInputLinesComeBackAsRejectsWithTheirPlace() throws Exception {
    Path demo = FixtureData.copy("demo/night/radar.ndjson", dir.resolve("radar-all.ndjson"));
    List<String> lines = Files.readAllLines(demo).subList(0, 200);
    List<String> withBad = new ArrayList<>(lines);
    withBad.add(50, "{\"t\":\"not a time\",\"kind\":\"radar\"}");
    Path file = dir.resolve("radar.ndjson");
    Files.write(file, withBad);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    ByteArrayOutputStream rejects = new ByteArrayOutputStream();
    FuseJob.Result r;
    try (IncidentSpool spool = new IncidentSpool()) {
      r = FuseJob.execute(env, settings(List.of(file.toString()), 30_000), spool, OutputStream.nullOutputStream(), rejects);
    }
    assertThat(r.rejects()).isEqualTo(1);
    assertThat(r.observations()).isEqualTo(200);
    assertThat(rejects.toString(StandardCharsets.UTF_8)).contains("\"line\":51").contains("reason");
  }
}
