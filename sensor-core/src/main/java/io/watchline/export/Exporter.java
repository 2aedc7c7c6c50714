package io.watchline.export;

import io.watchline.feed.ReadStats;
import io.watchline.feed.RejectSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Streams canonical NDJSON through a {@link RecordWriter}: the library side of {@code export}. */
public final class Exporter {
  private Exporter() {}

  /**
   * Copies every acceptable record of {@code in} to {@code writer} and finishes it; bad lines go
   * to {@code rejects}. Returns the read counts (read = accepted + rejected).
   *
   * @param progress told the bytes read so far, every few thousand records (may be null)
   */
  public static ReadStats export(
      InputStream in, String name, RecordWriter writer, RejectSink rejects, LongConsumer progress)
      throws IOException {
    CanonicalRecordReader reader = new CanonicalRecordReader(in, name, rejects);
    CanonicalRecord r;
    long n = 0;
    while ((r = reader.next()) != null) {
      writer.write(r);
      if (progress != null && (++n & 4095) == 0) {
        progress.accept(reader.stats().bytesRead());
      }
    }
    writer.finish();
    if (progress != null) {
      progress.accept(reader.stats().bytesRead());
    }
    return reader.stats();
  }
}
