package io.watchline.fusion.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The merge's packed times and buffers against the plain versions: Instant order, PriorityQueue, a deque. */
class TimeKeyPropertyTest {
  private static final long EDGE = Long.MAX_VALUE / 1_000_000_000L;

  /** Times with many exact ties, some near the packing limits and far beyond them. */
  static Instant randomTime(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> Instant.ofEpochSecond(1_700_000_000L + r.nextInt(4), r.nextInt(3) * 500_000_000);
      case 1 -> Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100), r.nextInt(1_000_000_000));
      case 2 -> Instant.ofEpochSecond((r.nextBoolean() ? EDGE : -EDGE) + r.nextInt(5) - 2, r.nextInt(2) * 999_999_999);
      case 3 -> Instant.ofEpochSecond(-r.nextInt(3), r.nextInt(2) * 999_999);
      case 4 -> r.nextBoolean() ? Instant.MAX : Instant.MIN;
      default -> Instant.ofEpochSecond((r.nextBoolean() ? 1 : -1) * (EDGE + 10 + r.nextInt(1000)), r.nextInt(3));
    };
  }

  static Observation at(Instant t) {
    return Observation.builder(t, Kind.RADAR).build();
  }

  static Long millisOrNull(Instant t) {
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  @Test
  void keysOrderAndConvertExactlyAsInstantsDo() {
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      Observation a = at(randomTime(r)), b = at(randomTime(r));
      long ka = TimeKey.of(a.t()), kb = TimeKey.of(b.t());
      assertThat(TimeKey.compare(ka, a, kb, b)).as("%s vs %s", a.t(), b.t()).isEqualTo(Integer.signum(a.t().compareTo(b.t())));
      Long ms = millisOrNull(a.t());
      if (ms != null) {
        assertThat(TimeKey.epochMs(ka, a.t())).as("%s", a.t()).isEqualTo(ms);
      }
    }
  }

  @Test
  void heapReleasesTheSameRecordsInTheSameOrderAsAPriorityQueue() {
    Random r = new Random(11);
    for (int run = 0; run < 300; run++) {
      PriorityQueue<Observation> plain = new PriorityQueue<>(Comparator.comparing(Observation::t));
      StragglerHeap heap = new StragglerHeap();
      int ops = 50 + r.nextInt(2_000);
      for (int i = 0; i < ops; i++) {
        if (r.nextInt(3) > 0 || plain.isEmpty()) {
          Observation o = at(randomTime(r));
          plain.add(o);
          heap.add(o, TimeKey.of(o.t()));
        } else {
          checkHead(plain.peek(), heap);
          assertThat(heap.poll()).isSameAs(plain.poll());
        }
        assertThat(heap.size()).isEqualTo(plain.size());
      }
      while (!plain.isEmpty()) {
        checkHead(plain.peek(), heap);
        assertThat(heap.poll()).isSameAs(plain.poll());
      }
      assertThat(heap.isEmpty()).isTrue();
      assertThat(heap.poll()).isNull();
    }
  }

  private static void checkHead(Observation expected, StragglerHeap heap) {
    assertThat(heap.peek()).isSameAs(expected);
    assertThat(heap.peekKey()).isEqualTo(TimeKey.of(expected.t()));
    Long ms = millisOrNull(expected.t());
    if (ms != null) assertThat(heap.peekMs()).isEqualTo(ms);
  }

  @Test
  void inOrderQueueIsFirstInFirstOutAcrossGrowth() {
    Random r = new Random(13);
    ArrayDeque<Observation> plain = new ArrayDeque<>();
    InOrderQueue q = new InOrderQueue();
    for (int i = 0; i < 100_000; i++) {
      if (r.nextInt(5) < 3 || plain.isEmpty()) {
        Observation o = at(randomTime(r));
        plain.add(o);
        q.add(o, TimeKey.of(o.t()));
      } else {
        Observation o = plain.poll();
        assertThat(q.peek()).isSameAs(o);
        assertThat(q.peekKey()).isEqualTo(TimeKey.of(o.t()));
        Long ms = millisOrNull(o.t());
        if (ms != null) assertThat(q.peekMs()).isEqualTo(ms);
        assertThat(q.poll()).isSameAs(o);
      }
      assertThat(q.size()).isEqualTo(plain.size());
    }
  }
}
