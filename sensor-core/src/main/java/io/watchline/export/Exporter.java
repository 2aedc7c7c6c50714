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

  /**
   * As {@link #export}, but welfare incidents (people in danger) come first in the output,
   * whatever their place in the file: a first pass picks them out (only lines holding the word
   * "welfare" are parsed, and only those lines are held), the second copies everything else.
   * Counts and rejects come from the second pass alone, so read = accepted + rejected holds.
   */
  public static ReadStats exportWelfareFirst(
      java.nio.file.Path file, String name, RecordWriter writer, RejectSink rejects, LongConsumer progress)
      throws IOException {
    try (InputStream lines = new java.io.ByteArrayInputStream(linesWith(file, WELFARE))) {
      CanonicalRecordReader first = new CanonicalRecordReader(lines, name, RejectSink.DISCARD);
      for (CanonicalRecord r; (r = first.next()) != null; ) {
        if (isWelfare(r)) writer.write(r);
      }
    }
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      CanonicalRecordReader reader = new CanonicalRecordReader(in, name, rejects);
      long n = 0;
      for (CanonicalRecord r; (r = reader.next()) != null; ) {
        if (!isWelfare(r)) writer.write(r);
        if (progress != null && (++n & 4095) == 0) progress.accept(reader.stats().bytesRead());
      }
      writer.finish();
      if (progress != null) progress.accept(reader.stats().bytesRead());
      return reader.stats();
    }
  }

  private static final byte[] WELFARE = "welfare".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static boolean isWelfare(CanonicalRecord r) {
    return r instanceof CanonicalRecord.Inc i && i.incident().kind() == io.watchline.incident.IncidentKind.WELFARE;
  }

  /** The lines of {@code file} that contain {@code word}, newline-terminated; memory holds one line and the hits. */
  static byte[] linesWith(java.nio.file.Path file, byte[] word) throws IOException {
    java.io.ByteArrayOutputStream hits = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    int matched = 0;
    boolean found = false;
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            if (found) {
              line.writeTo(hits);
              hits.write('\n');
            }
            line.reset();
            matched = 0;
            found = false;
            continue;
          }
          line.write(b);
          if (!found) {
            matched = b == word[matched] ? matched + 1 : b == word[0] ? 1 : 0;
            found = matched == word.length;
          }
        }
      }
    }
    if (found) {
      line.writeTo(hits);
      hits.write('\n');
    }
    return hits.toByteArray();
  }
}
