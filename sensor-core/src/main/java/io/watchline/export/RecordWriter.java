package io.watchline.export;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes canonical records in one export format, one record at a time. {@link #finish()} writes
 * whatever the format needs after the last record (a footer, the file's index); {@link #close()}
 * releases resources without finishing, so a failed export is never mistaken for a complete one.
 */
public interface RecordWriter extends Closeable {

  void write(CanonicalRecord r) throws IOException;

  void finish() throws IOException;

  /** Records written, and records the format cannot represent (counted, never silently lost). */
  default long notRepresentable() {
    return 0;
  }
}
