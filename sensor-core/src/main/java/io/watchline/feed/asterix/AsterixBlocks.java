package io.watchline.feed.asterix;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A recording cut into the units a radar sends as one UDP datagram: one raw block, one pcap UDP
 * payload (both multicast copies kept), one FINAL frame's blocks or one GPS-framed block. Used to
 * replay a recording as live traffic; framing problems end the recording quietly (the reader
 * reports them when the same file is ingested).
 */
public final class AsterixBlocks implements Closeable {
  /** One datagram's bytes and where they start in the file. */
  public record Block(long offset, byte[] bytes) {}

  private static final Chunks.Events QUIET = new Chunks.Events() {
    @Override
    public void reject(long offset, String reason, byte[] b, int off, int len) {}

    @Override
    public void skip(String reason) {}
  };

  private final Chunks chunks;

  public AsterixBlocks(InputStream in, Framing framing) throws IOException {
    // a negative dedup window keeps the B copy: the listener must see both groups
    this.chunks = Chunks.open(framing, in, QUIET, -1);
  }

  /** The next datagram, or null at the end. */
  public Block next() throws IOException {
    if (!chunks.next()) {
      return null;
    }
    return new Block(chunks.fileOffset, Arrays.copyOfRange(chunks.buf, chunks.off, chunks.off + chunks.len));
  }

  @Override
  public void close() throws IOException {
    chunks.close();
  }
}
