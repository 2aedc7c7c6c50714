package io.watchline.flink;

import java.io.Serializable;

/**
 * Where the job reads observations and writes its results when it runs on Kafka topics
 * (docs/scale.md, "Kafka").
 *
 * @param bootstrap the brokers, host:port[,host:port...]
 * @param observationsTopic canonical observation NDJSON values, keyed by sensor id
 * @param incidentsTopic incident NDJSON values, keyed by incident id
 * @param rejectsTopic records not fused (bad values, late records) with their reason, without a key
 * @param group the consumer group whose committed offsets a run starts from
 * @param bounded stop at the end offsets found at start (re-processing) instead of following the topic
 * @param idleMs a partition silent this long no longer holds the watermark back (0: never)
 */
record KafkaSettings(
    String bootstrap,
    String observationsTopic,
    String incidentsTopic,
    String rejectsTopic,
    String group,
    boolean bounded,
    long idleMs)
    implements Serializable {
  static final String OBSERVATIONS = "watchline.observations";
  static final String INCIDENTS = "watchline.incidents";
  static final String REJECTS = "watchline.rejects";
  static final String GROUP = "watchline-fuse";
  static final long IDLE_MS = 60_000;
}
