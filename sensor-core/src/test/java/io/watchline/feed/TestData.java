package io.watchline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.observation.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the sample files are; a missing file fails the test, it never skips it. */
public final class TestData {
  private TestData() {}

  /** Real samples that may not be copied: read in place from ../shared/realdata. */
  public static Path realdata(String rel) {
    String root = System.getProperty("watchline.realdata");
    assertThat(root).as("system property watchline.realdata (set by the parent POM)").isNotNull();
    Path p = Path.of(root).resolve(rel);
    assertThat(Files.isRegularFile(p)).as("real sample file %s must exist", p).isTrue();
    return p;
  }

  /** Samples copied into the repository under fixtures/data. */
  public static Path fixture(String rel) {
    Path p = Path.of(System.getProperty("watchline.fixtures", "../fixtures/data")).resolve(rel);
    assertThat(Files.isRegularFile(p)).as("fixture file %s must exist", p.toAbsolutePath()).isTrue();
    return p;
  }

  /** Drains a reader into a list (tests only: the files are small). */
  public static List<Observation> readAll(FeedReader r) throws IOException {
    List<Observation> out = new ArrayList<>();
    try (r) {
      for (Observation o; (o = r.next()) != null; ) {
        out.add(o);
      }
    }
    ReadStats s = r.stats();
    assertThat(s.read()).isEqualTo(s.accepted() + s.rejectedCount());
    assertThat(s.emittedCount()).isEqualTo(out.size());
    return out;
  }

  /** A reject sink that keeps everything, for assertions. */
  public static final class Rejects implements RejectSink {
    public final List<Reject> all = new ArrayList<>();

    @Override
    public void reject(Reject r) {
      all.add(r);
    }

    public List<String> reasons() {
      return all.stream().map(Reject::reason).toList();
    }
  }
}
