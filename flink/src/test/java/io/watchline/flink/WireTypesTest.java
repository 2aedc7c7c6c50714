package io.watchline.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.partition.RegionPartitioner;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

class WireTypesTest {
  /** Flink serialises the records between tasks field by field, never through its generic (Kryo) fallback. */
  @Test
  void recordsCrossingTasksAreFlinkPojosAllTheWayDown() {
    for (Class<?> c : new Class<?>[] {Sourced.class, Routed.class, Out.class}) {
      TypeInformation<?> t = TypeInformation.of(c);
      assertThat(t).as(c.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
      assertThat(t.toString()).as(c.getSimpleName()).doesNotContain("GenericType");
    }
  }

  @Test
  void regionKeysSpreadRegionsEvenlyOverSlots() {
    for (int p : new int[] {1, 2, 3, 16, 64}) {
      int regions = 2 * p + 1;
      int[] keys = FuseJob.balancedKeys(regions, p);
      int[] perSlot = new int[p];
      for (int r = 0; r < regions; r++) {
        int slot = KeyGroupRangeAssignment.assignKeyToParallelOperator(keys[r], FuseJob.MAX_PARALLELISM, p);
        assertThat(slot).isEqualTo(r % p);
        perSlot[slot]++;
      }
      assertThat(java.util.Arrays.stream(perSlot).boxed().toList()).allMatch(n -> n == 2 || n == 3);
    }
    assertThat(RegionPartitioner.DEFAULT_HALO_M).isGreaterThan(2_400); // longer than a 20-minute stitch at walking pace
  }
}
