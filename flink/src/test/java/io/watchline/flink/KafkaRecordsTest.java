package io.watchline.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.observation.Observation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The Kafka edges of the job without a broker: values to observations or rejects, watermarks, ids, arguments. */
class KafkaRecordsTest {
  static final String RADAR = "{\"t\":\"2026-11-27T23:00:00.950Z\",\"kind\":\"radar\",\"sensor\":\"RDR-04\",\"seq\":0,"
      + "\"lat\":42.0605534,\"lon\":19.388857,\"track\":\"RDR-04/1\"}";

  static List<Sourced> parse(int partition, long offset, String value) throws Exception {
    List<Sourced> out = new ArrayList<>();
    new KafkaObservations.Parse().deserialize(new ConsumerRecord<>("obs", partition, offset,
        "RDR-04".getBytes(StandardCharsets.UTF_8), value == null ? null : value.getBytes(StandardCharsets.UTF_8)),
        new Collector<>() {
          @Override
          public void collect(Sourced s) {
            out.add(s);
          }

          @Override
          public void close() {}
        });
    return out;
  }

  @Test
  void aValueIsAnObservationPlacedByTopicPartitionAndOffsetUnlessItCarriesItsOwnSource() throws Exception {
    Observation o = parse(1, 42, RADAR).get(0).observation();
    assertThat(o.sensor()).isEqualTo("RDR-04");
    assertThat(o.src().file()).isEqualTo("kafka:obs/1");
    assertThat(o.src().offset()).isEqualTo(42);
    String sourced = RADAR.replace("}", ",\"src\":{\"file\":\"radar.ndjson\",\"offset\":0,\"line\":1}}");
    assertThat(parse(1, 43, sourced).get(0).observation().src().file()).isEqualTo("radar.ndjson");
    assertThat(parse(0, 7, RADAR + "\n" + RADAR)).hasSize(2).allMatch(s -> s.observation() != null);
    // ties in time keep the partition's order
    assertThat(parse(0, 8, RADAR).get(0).seq()).isGreaterThan(parse(0, 7, RADAR).get(0).seq());
  }

  @Test
  void badEmptyAndBlankValuesAreRejectsWithTheirPlace() throws Exception {
    for (String value : new String[] {"{\"t\": not json", null, "", "  \n"}) {
      List<Sourced> got = parse(1, 99, value);
      assertThat(got).as(String.valueOf(value)).hasSize(1);
      assertThat(got.get(0).observation()).isNull();
      assertThat(got.get(0).reject().src().file()).isEqualTo("kafka:obs/1");
      assertThat(got.get(0).reject().src().offset()).isEqualTo(99);
      assertThat(got.get(0).reject().reason()).isNotBlank();
    }
    assertThat(parse(1, 99, "{\"t\": not json").get(0).reject().reason()).startsWith("invalid JSON");
  }

  @Test
  void theWatermarkTrailsTheNewestTimeByTheLatenessAndMovesEverySecondOfEventTime() {
    List<Long> marks = new ArrayList<>();
    WatermarkOutput out = new WatermarkOutput() {
      @Override
      public void emitWatermark(Watermark w) {
        marks.add(w.getTimestamp());
      }

      @Override
      public void markIdle() {}

      @Override
      public void markActive() {}
    };
    KafkaObservations.Lateness g = new KafkaObservations.Lateness(30_000);
    g.onEvent(null, 100_000, out);
    g.onEvent(null, 100_500, out); // less than a second on: not yet
    g.onEvent(null, 90_000, out); // older: never moves it back
    g.onEvent(null, 101_200, out);
    g.onPeriodicEmit(out);
    g.onEvent(null, 101_300, out);
    g.onPeriodicEmit(out);
    assertThat(marks).containsExactly(69_999L, 71_199L, 71_299L);
  }

  @Test
  void incidentIdsNameTheirRegion() {
    assertThat(KafkaIncidents.regionalId("INC-20261127-0007", 3)).isEqualTo("INC-20261127-R3-0007");
  }

  @Test
  void kafkaArgumentsExcludeFilesAndFileOutputs() throws Exception {
    JobArgs a = JobArgs.parse(new String[] {"--kafka", "localhost:9092", "--border", "b", "--sites", "s", "--bounded",
        "--incidents-topic", "inc", "--idle-after", "5000"});
    KafkaSettings k = a.kafkaSettings();
    assertThat(k.bootstrap()).isEqualTo("localhost:9092");
    assertThat(k.observationsTopic()).isEqualTo(KafkaSettings.OBSERVATIONS);
    assertThat(k.incidentsTopic()).isEqualTo("inc");
    assertThat(k.bounded()).isTrue();
    assertThat(k.idleMs()).isEqualTo(5000);
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"--kafka", "h:1", "obs.ndjson", "--border", "b", "--sites", "s"}))
        .isInstanceOf(JobArgs.UsageException.class).hasMessageContaining("no observation files");
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"--kafka", "h:1", "-o", "x", "--border", "b", "--sites", "s"}))
        .isInstanceOf(JobArgs.UsageException.class);
  }
}
