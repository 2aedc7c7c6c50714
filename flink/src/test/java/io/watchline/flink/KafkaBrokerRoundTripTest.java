package io.watchline.flink;

import static io.watchline.flink.SimulatedNight.assertSameIncidents;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import io.watchline.fusion.FusionPipeline;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.incident.Incident;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.Json;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on Kafka topics against an in-process single-node KRaft broker (run with {@code -Pkafka},
 * docs/scale.md): a simulated night goes into a 2-partition observations topic keyed by sensor
 * id, with one bad value and one record an hour behind the rest; the incidents topic then holds
 * what embedded {@code fuse} finds, keyed by incident id, and the rejects topic holds both
 * records not fused, each with its reason.
 */
@ExtendWith(SharedMiniCluster.class)
class KafkaBrokerRoundTripTest {
  @TempDir static Path dir;
  static SimulatedNight night;
  static KafkaClusterTestKit broker;

  @BeforeAll
  static void startBroker() throws Exception {
    night = SimulatedNight.write(dir, LocalTime.of(22, 0), LocalTime.of(23, 0));
    broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
            .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(dir.resolve("kafka")).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("transaction.state.log.min.isr", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    broker.format();
    broker.startup();
    broker.waitForReadyBrokers();
    try (Admin admin = broker.admin()) {
      admin.createTopics(List.of(new NewTopic(KafkaSettings.OBSERVATIONS, 2, (short) 1),
          new NewTopic(KafkaSettings.INCIDENTS, 1, (short) 1), new NewTopic(KafkaSettings.REJECTS, 1, (short) 1))).all().get();
    }
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aNightThroughTheTopicsGivesFusesIncidentsKeyedByIdAndEveryRejectWithItsReason() throws Exception {
    long[] produced = produceNight();
    KafkaSettings k = new KafkaSettings(broker.bootstrapServers(), KafkaSettings.OBSERVATIONS, KafkaSettings.INCIDENTS,
        KafkaSettings.REJECTS, "round-trip", true, 0);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(SharedMiniCluster.SLOTS);
    FuseJob.Result r = FuseJob.executeKafka(env, night.settings(2), k);

    List<ConsumerRecord<String, String>> incidents = consume(KafkaSettings.INCIDENTS, r.incidents());
    List<ConsumerRecord<String, String>> rejects = consume(KafkaSettings.REJECTS, 2);
    System.out.printf("kafka round trip: %d observations produced (+1 bad value, +1 an hour late) to %s on 2 partitions;"
        + " job read %d observations, %d fused copies, %d incidents to %s, %d rejected + %d late to %s%n",
        produced[0], KafkaSettings.OBSERVATIONS, r.observations(), r.copies(), incidents.size(), KafkaSettings.INCIDENTS,
        r.rejects(), r.late(), KafkaSettings.REJECTS);
    incidents.stream().limit(3).forEach(c -> System.out.println("  incident key " + c.key() + ": "
        + c.value().substring(0, Math.min(120, c.value().length())) + "..."));
    rejects.forEach(c -> System.out.println("  reject: " + c.value()));

    assertThat(r.observations()).isEqualTo(produced[0] + 1);
    assertThat(r.rejects()).isEqualTo(1);
    assertThat(r.late()).isEqualTo(1);
    List<Incident> got = new ArrayList<>();
    for (ConsumerRecord<String, String> c : incidents) {
      Incident i = parse(c.value());
      assertThat(c.key()).isEqualTo(i.id()).matches("INC-\\d{8}-R\\d+-\\d{4}");
      got.add(i);
    }
    assertThat(got.stream().map(Incident::id).distinct().count()).isEqualTo(got.size());
    assertSameIncidents(got, night.embedded());

    assertThat(rejects).hasSize(2);
    String bad = rejects.stream().map(ConsumerRecord::value).filter(v -> v.contains("invalid JSON")).findFirst().orElseThrow();
    assertThat(bad).contains("kafka:" + KafkaSettings.OBSERVATIONS + "/").contains("\"offset\":" + produced[1]);
    String late = rejects.stream().map(ConsumerRecord::value).filter(v -> v.contains("late record")).findFirst().orElseThrow();
    assertThat(late).contains("behind the watermark (lateness " + FusionPipeline.DEFAULT_REORDER_WINDOW_MS + " ms)");
  }

  /**
   * The night in fuse's merge order, each observation one record keyed by its sensor; a bad value
   * half way, and at the end a copy of the first observation an hour earlier. Returns the number of
   * observations and the bad value's offset.
   */
  static long[] produceNight() throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", broker.bootstrapServers());
    p.put("acks", "all");
    p.put("linger.ms", "20");
    long n = 0, badOffset = -1;
    Observation first = null;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        TimeMerge merge = new TimeMerge(SimulatedNight.readers(night.inputs()), r -> {},
            FusionPipeline.DEFAULT_REORDER_WINDOW_MS, FusionPipeline.MAX_BUFFERED)) {
      for (Observation o; (o = merge.next()) != null; ) {
        first = first == null ? o : first;
        producer.send(new ProducerRecord<>(KafkaSettings.OBSERVATIONS, o.sensor(), line(o)));
        if (++n == 5_000) {
          // Partition 0 explicitly, so that the test knows where the bad value lands.
          badOffset = producer.send(new ProducerRecord<>(KafkaSettings.OBSERVATIONS, 0, "RDR-BAD", "{\"t\": not json")).get().offset();
        }
      }
      Observation straggler = first.withTime(first.t().minus(Duration.ofHours(1)));
      producer.send(new ProducerRecord<>(KafkaSettings.OBSERVATIONS, straggler.sensor(), line(straggler))).get();
    }
    assertThat(badOffset).as("the night has more than 5,000 observations").isNotNegative();
    return new long[] {n, badOffset};
  }

  static String line(Observation o) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    NdjsonWriter w = new NdjsonWriter(b);
    w.write(o);
    w.flush();
    return b.toString(StandardCharsets.UTF_8).stripTrailing();
  }

  static List<ConsumerRecord<String, String>> consume(String topic, long expected) {
    Properties p = new Properties();
    p.put("bootstrap.servers", broker.bootstrapServers());
    List<ConsumerRecord<String, String>> got = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = IntStream.range(0, c.partitionsFor(topic).size()).mapToObj(i -> new TopicPartition(topic, i)).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(got::add);
      }
    }
    assertThat(got).as(topic).hasSize((int) expected);
    return got;
  }

  static Incident parse(String line) throws Exception {
    try (JsonParser p = Json.FACTORY.createParser(line)) {
      return IncidentJson.read(p);
    }
  }
}
