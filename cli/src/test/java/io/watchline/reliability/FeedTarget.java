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
 * @param lineDamageLoss what damaging one line may cost: {@link #LINE_LOCAL} (each line is an
 *     independent record, so no other line's result may change), k &gt; 0 (at most k of the
 *     intact file's observations may go missing, for formats with context across lines such as
 *     NMEA epochs or multi-line XML events), or {@link #NOT_CHECKED} (a well-formedness error
 *     ends a whole XML document)
 * @param headerLines leading lines that are not records (a CSV header) and are left intact by the
 *     line-locality check
 * @param truncationKeepsPrefix cutting the input anywhere keeps every record that ended before
 *     the cut (true for streaming text and XML readers)
 * @param recordStart regular expression the input must match at an observation's source offset
 *     (after blanks): provenance must point at the record's own bytes; null: not checked
 */
record FeedTarget(
    String name,
    Opener opener,
    Supplier<List<Path>> seeds,
    int lineDamageLoss,
    int headerLines,
    boolean truncationKeepsPrefix,
    String recordStart) {

  static final int LINE_LOCAL = 0;
  static final int NOT_CHECKED = -1;

  @FunctionalInterface
  interface Opener {
    FeedReader open(InputStream in, String file, RejectSink rejects) throws IOException;
  }

  @Override
  public String toString() {
    return name;
  }
}
