package io.watchline.flink;

import io.watchline.feed.Reject;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The observations topic as the job's input (docs/scale.md, "Kafka"): each record's value is one
 * canonical observation NDJSON line (or several), keyed by sensor id so that a sensor's records
 * stay in order in one partition. Watermarks are made per partition and lag the newest time seen
 * there by the lateness; a record that is not an observation comes out as a reject naming its
 * topic, partition and offset.
 */
final class KafkaObservations {
  private KafkaObservations() {}

  /** The source: from the group's committed offsets (earliest without), to the end offsets at start when bounded. */
  static KafkaSource<Sourced> source(KafkaSettings k) {
    KafkaSourceBuilder<Sourced> b = KafkaSource.<Sourced>builder()
        .setBootstrapServers(k.bootstrap())
        .setTopics(k.observationsTopic())
        .setGroupId(k.group())
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new Parse());
    if (k.bounded()) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  /** Bounded lateness per partition; a partition silent for {@code idleMs} no longer holds the watermark back. */
  static WatermarkStrategy<Sourced> watermarks(long latenessMs, long idleMs) {
    WatermarkStrategy<Sourced> w = WatermarkStrategy.<Sourced>forGenerator(c -> new Lateness(latenessMs))
        .withTimestampAssigner((x, ts) -> FuseJob.eventTime(x));
    return idleMs > 0 ? w.withIdleness(Duration.ofMillis(idleMs)) : w;
  }

  /**
   * The newest time seen less the lateness, emitted as soon as it moves by a second of event
   * time (and periodically): what is late then depends on the records' order in the partition,
   * not on how fast they were read.
   */
  static final class Lateness implements WatermarkGenerator<Sourced> {
    private final long latenessMs;
    private long newest = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;

    Lateness(long latenessMs) {
      this.latenessMs = latenessMs;
    }

    @Override
    public void onEvent(Sourced s, long ts, WatermarkOutput out) {
      if (ts > newest) {
        newest = ts;
        if (emitted == Long.MIN_VALUE || newest - latenessMs - 1 - emitted >= 1_000) {
          onPeriodicEmit(out);
        }
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput out) {
      if (newest != Long.MIN_VALUE && newest - latenessMs - 1 > emitted) {
        emitted = newest - latenessMs - 1;
        out.emitWatermark(new Watermark(emitted));
      }
    }
  }

  /** One record's value through the project's NDJSON observation reader. */
  static final class Parse implements KafkaRecordDeserializationSchema<Sourced> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Sourced> out) throws IOException {
      Source at = Source.atOffset("kafka:" + record.topic() + "/" + record.partition(), record.offset());
      // Ties in time keep the partition's order; partitions interleave by their number.
      long seq = (record.offset() << 10) | (record.partition() & 0x3ff);
      byte[] value = record.value();
      if (value == null || value.length == 0) {
        out.collect(new Sourced(seq, null, new Reject(at, "empty record", "")));
        return;
      }
      List<Reject> rejects = new ArrayList<>(1);
      List<Observation> observations = new ArrayList<>(1);
      try (NdjsonObservationReader r = new NdjsonObservationReader(new ByteArrayInputStream(value), at.file(), rejects::add)) {
        for (Observation o; (o = r.next()) != null; ) {
          observations.add(o.src() != null && o.src().file().equals(at.file()) ? withSource(o, at) : o);
        }
      }
      for (Reject x : rejects) {
        out.collect(new Sourced(seq, null, new Reject(at, x.reason(), x.excerpt())));
      }
      for (Observation o : observations) {
        out.collect(new Sourced(seq, o, null));
      }
      if (rejects.isEmpty() && observations.isEmpty()) {
        String text = new String(value, 0, Math.min(value.length, 80), StandardCharsets.UTF_8);
        out.collect(new Sourced(seq, null, new Reject(at, "blank record", text)));
      }
    }

    @Override
    public TypeInformation<Sourced> getProducedType() {
      return TypeInformation.of(Sourced.class);
    }

    /** A value without its own provenance is placed by topic, partition and offset. */
    private static Observation withSource(Observation o, Source s) {
      return new Observation(o.t(), o.kind(), o.sensor(), o.seq(), o.lat(), o.lon(), o.rangeM(), o.bearingDeg(),
          o.track(), o.speedMps(), o.courseDeg(), o.cls(), o.conf(), o.unit(), s);
    }
  }
}
