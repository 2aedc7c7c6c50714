package io.watchline.fusion.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedReader;
import io.watchline.feed.Reject;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeMergeTest {
  static FeedReader feed(String name, List<Reject> rejects, int... seconds) {
    StringBuilder sb = new StringBuilder();
    for (int s : seconds) {
      sb.append(String.format("{\"t\":\"2026-11-27T23:00:%02d.000Z\",\"kind\":\"radar\",\"sensor\":\"%s\",\"lat\":42,\"lon\":19}%n", s, name));
    }
    return new NdjsonObservationReader(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), name, rejects::add);
  }

  @Test
  void mergesByTimeReordersWithinTheWindowAndRejectsLateRecordsWithAReason() throws Exception {
    List<Reject> rejects = new ArrayList<>();
    // feed a: 3 s out of order (inside a 5 s window); 40 arrives after 50 has gone: 10 s late
    FeedReader a = feed("a", rejects, 1, 4, 2, 10, 20, 30, 50, 58, 40, 59);
    FeedReader b = feed("b", rejects, 0, 3, 5, 25, 55);
    List<String> order = new ArrayList<>();
    try (TimeMerge m = new TimeMerge(List.of(a, b), rejects::add, 5_000, 1000)) {
      Observation o;
      while ((o = m.next()) != null) {
        order.add(o.sensor() + o.t().getEpochSecond() % 60);
      }
      assertThat(m.late()).isEqualTo(1);
    }
    assertThat(order).containsExactly("b0", "a1", "a2", "b3", "a4", "b5", "a10", "a20", "b25", "a30", "a50", "b55", "a58", "a59");
    assertThat(rejects).hasSize(1);
    assertThat(rejects.get(0).reason()).startsWith("late record: 10000 ms older");
    assertThat(rejects.get(0).src().line()).isEqualTo(9);
  }

  @Test
  void headsMergeHoldsOneRecordPerFeedBreaksTiesByFeedOrderAndPassesOutOfOrderRecordsThrough() throws Exception {
    List<Reject> rejects = new ArrayList<>();
    FeedReader a = feed("a", rejects, 1, 4, 2, 10);
    FeedReader b = feed("b", rejects, 0, 4, 5);
    FeedReader c = feed("c", rejects, 4, 11);
    List<String> order = new ArrayList<>();
    try (TimeMerge m = TimeMerge.heads(List.of(a, b, c))) {
      Observation o;
      while ((o = m.next()) != null) {
        order.add(o.sensor() + o.t().getEpochSecond() % 60);
      }
      assertThat(m.late()).isZero();
    }
    // a2 is out of order in its own feed: it comes right after a4, nothing is dropped or buffered
    assertThat(order).containsExactly("b0", "a1", "a4", "a2", "b4", "c4", "b5", "a10", "c11");
    assertThat(rejects).isEmpty();
  }
}
