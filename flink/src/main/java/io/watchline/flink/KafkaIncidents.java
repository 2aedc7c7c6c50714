package io.watchline.flink;

import com.fasterxml.jackson.core.JsonParser;
import io.watchline.incident.Incident;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The job's results as Kafka records (docs/scale.md, "Kafka"): each owned incident to the incidents
 * topic keyed by its id, each record not fused (bad value, late record) to the rejects topic with
 * its reason. Tracks stay out of Kafka.
 *
 * <p>A streaming job cannot number incidents over all regions in order of start as {@code fuse}
 * does (that needs the whole night), so an incident's id names its region: {@code
 * INC-20261127-R3-0007} is region 3's seventh incident starting that day. The id depends only on
 * the region's input, so a re-run writes the same keys and a compacted topic keeps one copy.
 */
final class KafkaIncidents {
  private KafkaIncidents() {}

  static KafkaSink<Out> sink(KafkaSettings k) {
    return KafkaSink.<Out>builder()
        .setBootstrapServers(k.bootstrap())
        .setRecordSerializer(new Records(k.incidentsTopic(), k.rejectsTopic()))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .build();
  }

  /** fuse's id {@code INC-yyyyMMdd-NNNN} from one region's engine, with the region put in. */
  static String regionalId(String engineId, int region) {
    int last = engineId.lastIndexOf('-');
    return engineId.substring(0, last) + "-R" + region + engineId.substring(last);
  }

  /** The incident of a line, renamed for its region. */
  static Incident regional(Out o) {
    try (JsonParser p = Json.FACTORY.createParser(o.json())) {
      Incident i = IncidentJson.read(p);
      return new Incident(regionalId(i.id(), o.region()), i.start(), i.end(), i.lat(), i.lon(), i.sector(), i.side(),
          i.kind(), i.score(), i.factors(), i.track(), i.evidence());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class Records implements KafkaRecordSerializationSchema<Out> {
    private static final long serialVersionUID = 1L;
    private final String incidents;
    private final String rejects;

    Records(String incidents, String rejects) {
      this.incidents = incidents;
      this.rejects = rejects;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Out o, KafkaSinkContext ctx, Long timestamp) {
      return switch (o.kind()) {
        case INCIDENT -> {
          Incident i = regional(o);
          yield new ProducerRecord<>(incidents, null, i.start().toEpochMilli(), bytes(i.id()),
              bytes(RegionFusion.Lines.of(w -> w.write(i)).stripTrailing()));
        }
        case REJECT, LATE -> new ProducerRecord<>(rejects, null, null, null, bytes(o.json().stripTrailing()));
        case TRACK -> throw new IllegalArgumentException("tracks are not written to Kafka");
      };
    }

    private static byte[] bytes(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }
}
