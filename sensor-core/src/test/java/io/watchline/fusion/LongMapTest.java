package io.watchline.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongMapTest {
  @Test
  void behavesLikeAHashMapUnderRandomAddsAndRemoves() {
    Random rnd = new Random(3);
    LongMap<String> map = new LongMap<>();
    Map<Long, String> reference = new HashMap<>();
    for (int op = 0; op < 200_000; op++) {
      // few distinct keys, clustered: long probe runs, removals in their middle, growth
      long key = rnd.nextInt(10) == 0 ? rnd.nextLong() : rnd.nextInt(3_000) * 64L;
      switch (rnd.nextInt(3)) {
        case 0 -> assertThat(map.computeIfAbsent(key, k -> "v" + k)).isEqualTo(reference.computeIfAbsent(key, k -> "v" + k));
        case 1 -> assertThat(map.remove(key)).isEqualTo(reference.remove(key));
        default -> assertThat(map.get(key)).isEqualTo(reference.get(key));
      }
      assertThat(map.size()).isEqualTo(reference.size());
    }
    for (Map.Entry<Long, String> e : reference.entrySet()) {
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
  }
}
