package io.watchline.reliability;

import io.watchline.ndjson.NdjsonObservationReader;
import java.nio.file.Path;
import java.util.List;

/** Every reader the reliability suite fuzzes, with its seeds. Add a line when a reader lands. */
final class Targets {
  private Targets() {}

  static Path seeds(String name) {
    return Samples.fixtures().resolve("fuzz-seeds").resolve(name);
  }

  static final FeedTarget NDJSON = new FeedTarget("ndjson", NdjsonObservationReader::new,
      () -> Samples.files(seeds("ndjson"), "*.ndjson"), true, 0, true);

  static List<FeedTarget> all() {
    return List.of(NDJSON);
  }

  static FeedTarget byName(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fuzz target " + name));
  }
}
