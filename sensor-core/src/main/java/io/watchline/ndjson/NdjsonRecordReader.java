package io.watchline.ndjson;

import com.fasterxml.jackson.core.exc.StreamReadException;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.observation.Source;
import java.io.Closeable;
import java.io.IOException;

/**
 * The lenient NDJSON line loop shared by readers of mixed or shared records: an overlong or bad
 * line is rejected with its line number and byte offset and the stream goes on; blank lines are
 * skipped and counted. Subclasses parse the current line ({@link #lines}).
 *
 * @param <T> the record type
 */
public abstract class NdjsonRecordReader<T> implements Closeable {
  protected final LineReader lines;
  protected final String file;
  private final RejectSink rejects;
  private final ReadStats stats;

  protected NdjsonRecordReader(LineReader lines, String file, RejectSink rejects) {
    this.lines = lines;
    this.file = file;
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    stats.format("ndjson");
  }

  /** The next record, or null at the end of the input. */
  public T next() throws IOException {
    while (lines.next()) {
      stats.bytes(lines.position());
      if (lines.overlong()) {
        reject("line longer than " + lines.maxLine() + " bytes (" + lines.lineBytes() + ")");
        continue;
      }
      if (lines.blank()) {
        stats.skipped("blank line");
        continue;
      }
      try {
        T r = parse();
        stats.emitted();
        return r;
      } catch (BadRecordException e) {
        reject(e.getMessage());
      } catch (StreamReadException e) {
        reject("invalid JSON: " + e.getOriginalMessage());
      }
    }
    stats.bytes(lines.position());
    return null;
  }

  /** The record on the current line; {@link BadRecordException} rejects the line. */
  protected abstract T parse() throws IOException;

  private void reject(String reason) {
    stats.rejected();
    rejects.reject(new Reject(Source.atLine(file, lines.offset(), lines.lineNumber()), reason, lines.excerpt()));
  }

  public ReadStats stats() {
    return stats;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
