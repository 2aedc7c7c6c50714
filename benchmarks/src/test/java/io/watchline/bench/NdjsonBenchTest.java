package io.watchline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.observation.Observation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import io.watchline.ndjson.NdjsonWriter;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: both sides see and produce the same records. */
class NdjsonBenchTest {
  @Test
  void codecAndBaselinesAgreeOnTheDataSet() throws IOException {
    NdjsonBench b = new NdjsonBench();
    b.setup();
    assertThat(b.observations).hasSize(NdjsonBench.RECORDS);
    // the codec writes back exactly the bytes it read
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (NdjsonWriter w = new NdjsonWriter(out)) {
      for (Observation o : b.observations) {
        w.write(o);
      }
    }
    assertThat(out.toByteArray()).isEqualTo(b.ndjson);
    assertThat(b.writeCodec()).isEqualTo(b.ndjson.length);
    // the databind mapping of the baseline yields the same records
    for (int i = 0; i < NdjsonBench.RECORDS; i += 97) {
      assertThat(NdjsonBench.fromTree(b.trees.get(i), i + 1)).isEqualTo(b.observations.get(i));
    }
    // baselines write as many lines, within a few percent of the bytes (number formatting differs)
    assertThat((double) b.writeTree()).isCloseTo(b.ndjson.length, org.assertj.core.data.Percentage.withPercentage(10));
    assertThat((double) b.writeMap()).isCloseTo(b.ndjson.length, org.assertj.core.data.Percentage.withPercentage(10));
  }
}
