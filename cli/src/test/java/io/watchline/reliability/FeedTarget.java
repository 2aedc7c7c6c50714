package io.watchline.reliability;

import io.watchline.feed.FeedReader;
import io.watchline.feed.RejectSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One reader under test: how to open it, which real files seed the fuzzer, and which structural
 * properties its format lets us check beyond the common invariants.
 *
 * @param name short name, also the folder under {@code fixtures/data/fuzz-regressions/}
 * @param opener builds the reader over a stream
 * @param seeds real sample files (read in place; loading fails loudly when one is missing)
 * @param lineLocal each line is an independent record: damaging one line must not change what
 *     the other lines yield
 * @param headerLines leading lines that are not records (a CSV header) and are left intact by the
 *     line-locality check
 * @param truncationKeepsPrefix cutting the input anywhere keeps every record that ended before
 *     the cut (true for streaming text and XML readers)
 */
record FeedTarget(
    String name,
    Opener opener,
    Supplier<List<Path>> seeds,
    boolean lineLocal,
    int headerLines,
    boolean truncationKeepsPrefix) {

  @FunctionalInterface
  interface Opener {
    FeedReader open(InputStream in, String file, RejectSink rejects) throws IOException;
  }

  @Override
  public String toString() {
    return name;
  }
}
