package io.watchline.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Under --follow a late record's reason names --max-delay and its value, the figure kept. */
class MaxDelayRejectsTest {
  static FeedReader feed(long... secondsAfter) {
    List<Observation> obs = new ArrayList<>();
    for (long s : secondsAfter) {
      obs.add(Observation.builder(Instant.parse("2026-11-27T23:00:00Z").plusSeconds(s), Kind.RADAR).position(42, 19)
          .src(Source.atLine("radar.ndjson", s, s)).build());
    }
    Iterator<Observation> it = obs.iterator();
    ReadStats stats = new ReadStats("radar.ndjson");
    return new FeedReader() {
      @Override public Observation next() { return it.hasNext() ? it.next() : null; }
      @Override public ReadStats stats() { return stats; }
      @Override public void close() {}
    };
  }

  @Test
  void aLateRecordNamesMaxDelayAndItsValue() throws Exception {
    List<Reject> got = new ArrayList<>();
    // the merge's own wording, rewritten: a record 20 s older than one already merged, watermark 5 s
    try (TimeMerge merge = new TimeMerge(List.of(feed(0, 30, 40, 10, 50)), new MaxDelayRejects(got::add, 5_000), 5_000, 1000)) {
      while (merge.next() != null) { }
      assertThat(merge.late()).isEqualTo(1);
    }
    assertThat(got).hasSize(1);
    assertThat(got.get(0).reason()).startsWith("late record: ").contains("ms older than records already merged")
        .contains("(beyond --max-delay 5s); raise --max-delay").doesNotContain("reorder");
    assertThat(got.get(0).src().line()).isEqualTo(10);
  }

  @Test
  void otherReasonsPassUnchangedAndDurationsReadAsTyped() {
    List<Reject> got = new ArrayList<>();
    new MaxDelayRejects(got::add, 5_000).reject(new Reject(Source.atLine("x", 0, 1), "not JSON", null));
    assertThat(got.get(0).reason()).isEqualTo("not JSON");
    assertThat(MaxDelayRejects.duration(5_000)).isEqualTo("5s");
    assertThat(MaxDelayRejects.duration(1_500)).isEqualTo("1.5s");
    assertThat(MaxDelayRejects.duration(250)).isEqualTo("250ms");
    assertThat(MaxDelayRejects.duration(120_000)).isEqualTo("120s");
  }
}
