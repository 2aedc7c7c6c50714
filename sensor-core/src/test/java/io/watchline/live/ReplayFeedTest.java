package io.watchline.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.Feeds;
import io.watchline.feed.TestData;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayFeedTest {
  static final FeedOptions OPTIONS = FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27));

  @Test
  void aTextFeedIsSentLineByLineAtItsRecordedTimes() throws Exception {
    Path log = TestData.fixture("nmea/bu353s4.log");
    ByteArrayOutputStream sent = new ByteArrayOutputStream();
    List<Instant> times = new ArrayList<>();
    try (ReplayFeed f = ReplayFeed.open(log, OPTIONS, SiteRegistry.empty())) {
      assertThat(f.binary()).isFalse();
      for (ReplayFeed.Unit u; (u = f.next()) != null; ) {
        sent.write(u.bytes());
        times.add(u.t());
      }
      assertThat(f.units()).isEqualTo(Files.readAllLines(log).size());
    }
    assertThat(sent.toByteArray()).isEqualTo(Files.readAllBytes(log)); // every byte, in order
    List<Observation> fixes = TestData.readAll(Feeds.open(log, FeedFormat.AUTO, OPTIONS, SiteRegistry.empty(), r -> {}));
    assertThat(times).doesNotContainNull();
    assertThat(times.get(0)).isEqualTo(fixes.get(0).t()); // the comment header goes with the first fix
    assertThat(times.get(times.size() - 1)).isEqualTo(fixes.get(fixes.size() - 1).t());
    assertThat(times).containsAll(fixes.stream().map(Observation::t).toList());
  }

  @Test
  void theReplaySchedulesUnitsByRecordedTimeOverFeeds() throws Exception {
    // no --date: the fixes before the log's first RMC (which dates it 2014) have no time and are left out
    Path log = TestData.fixture("nmea/bu353s4.log");
    List<byte[]> got = new ArrayList<>();
    List<Long> at = new ArrayList<>();
    long start = System.nanoTime();
    Sender capture = new Sender() {
      @Override
      public void send(byte[] m) {
        got.add(m);
        at.add(System.nanoTime() - start);
      }

      @Override
      public int maxMessage() {
        return Integer.MAX_VALUE;
      }

      @Override
      public long messages() {
        return got.size();
      }

      @Override
      public long bytes() {
        return 0;
      }

      @Override
      public void close() {}
    };
    List<Observation> fixes = TestData.readAll(Feeds.open(log, FeedFormat.AUTO, FeedOptions.defaults(), SiteRegistry.empty(), r -> {}));
    long first = fixes.stream().mapToLong(o -> o.t().toEpochMilli()).min().orElseThrow();
    long last = fixes.stream().mapToLong(o -> o.t().toEpochMilli()).max().orElseThrow();
    double spanS = (last - first) / 1000.0;
    double speed = spanS / 0.5; // the whole log in half a second
    Replayer.Result r = new Replayer(List.of(ReplayFeed.open(log, FeedOptions.defaults(), SiteRegistry.empty()),
        ReplayFeed.open(log, FeedOptions.defaults(), SiteRegistry.empty())), List.of(capture, capture), speed).run();
    assertThat(got).hasSize(2 * Files.readAllLines(log).size());
    assertThat(r.t0()).isEqualTo(fixes.get(0).t());
    // the latest unit is not sent before its time (half a second after the first)
    assertThat(at.get(at.size() - 1) - at.get(0)).isGreaterThanOrEqualTo(490_000_000L);
    assertThat(at.get(at.size() - 1) - at.get(0)).isLessThan(5_000_000_000L);
    // two copies of one feed: each of their lines is sent twice, none lost or reordered within its time
    List<String> lines = Files.readAllLines(log);
    assertThat(got.stream().map(b -> new String(b).strip()).sorted().toList())
        .isEqualTo(java.util.stream.Stream.concat(lines.stream(), lines.stream()).map(String::strip).sorted().toList());
  }
}
