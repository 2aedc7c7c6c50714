package io.watchline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.observation.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the sample files are. Samples copied into the repository ({@code fixtures/data}) must
 * exist: a missing one fails the test. Samples whose licence forbids copying them are read in
 * place; absent, the test is skipped with one line saying what and why (see {@link #realdata}).
 */
public final class TestData {
  private TestData() {}

  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  /**
   * A real sample that may not be copied into the repository (GPL ASTERIX recordings, the ONVIF
   * specification example), read in place from {@code ../shared/realdata} or
   * {@code -Dwatchline.realdata=DIR}. When it is absent the calling test is skipped, with one
   * line on stderr naming the file and the reason; with {@code -Dwatchline.realdata.required=true}
   * (CI) absence fails the test instead, so a skip cannot hide there.
   */
  public static Path realdata(String rel) {
    Path root = Path.of(System.getProperty("watchline.realdata", "../../shared/realdata"));
    Path p = root.resolve(rel);
    if (Files.isRegularFile(p)) {
      return p;
    }
    String what = "needs " + rel + " (" + (rel.startsWith("feeds/onvif/")
        ? "ONVIF specification example: its licence grants no right to modify or redistribute it"
        : "GPL-licensed ASTERIX recording: may not be copied into the repository")
        + "), not found under " + root.toAbsolutePath().normalize() + "; set -Dwatchline.realdata=DIR";
    if (Boolean.getBoolean("watchline.realdata.required")) {
      throw new AssertionError("real sample required (-Dwatchline.realdata.required=true): " + what);
    }
    // The test itself: the outermost project frame (helpers and lambdas sit above it).
    String caller = StackWalker.getInstance().walk(frames -> frames
        .filter(f -> f.getClassName().startsWith("io.watchline.") && !f.getMethodName().startsWith("lambda$"))
        .reduce((inner, outer) -> outer)
        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
        .orElse("?"));
    if (ANNOUNCED.add(caller + rel)) {
      System.err.println("SKIPPED (real data) " + caller + ": " + what);
    }
    return Assumptions.abort(what);
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
