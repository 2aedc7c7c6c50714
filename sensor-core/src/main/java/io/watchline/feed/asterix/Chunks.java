package io.watchline.feed.asterix;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Arrays;

/**
 * Cuts a recording into chunks that each hold one or more whole ASTERIX data blocks: one raw block,
 * one pcap UDP payload, one FINAL frame's blocks or one GPS-framed block. Framing problems are
 * reported to the {@link Events} and never throw; after one that leaves no way to find the next
 * chunk, the source ends (everything before it was delivered).
 */
abstract class Chunks implements Closeable {
  interface Events {
    void reject(long offset, String reason, byte[] b, int off, int len);

    void skip(String reason);
  }

  static final int MAX_CHUNK = 1 << 18;

  final Counting in;
  final Events events;
  byte[] buf = new byte[65_536 + 64];
  int off;
  int len;
  /** File offset of {@code buf[off]}. */
  long fileOffset;
  /** Capture time of the chunk (epoch ms), or -1 when the framing has none that is UTC. */
  long contextMs = -1;

  Chunks(InputStream in, Events events) {
    this.in = new Counting(in);
    this.events = events;
  }

  /** Loads the next chunk; false at the end. */
  abstract boolean next() throws IOException;

  String framingName() {
    return getClass().getSimpleName().replace("Chunks", "").toLowerCase(java.util.Locale.ROOT);
  }

  long position() {
    return in.pos;
  }

  void ensure(int n) {
    if (buf.length < n) {
      buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  static Chunks open(Framing f, InputStream in, Events events, long dedupWindowMs) throws IOException {
    return switch (f) {
      case RAW -> new RawChunks(in, events);
      case PCAP -> new PcapChunks(in, events, dedupWindowMs);
      case FINAL -> new FinalChunks(in, events);
      case GPS -> new GpsChunks(in, events);
    };
  }

  /** A pushback stream that knows its position. */
  static final class Counting extends PushbackInputStream {
    long pos;

    Counting(InputStream in) {
      super(in, 1 << 17);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        pos++;
      }
      return c;
    }

    /** Reads up to n bytes (fewer only at end of input); returns how many. */
    int readFully(byte[] b, int off, int n) throws IOException {
      int got = 0;
      while (got < n) {
        int r = super.read(b, off + got, n - got);
        if (r < 0) {
          break;
        }
        got += r;
      }
      pos += got;
      return got;
    }

    /** One read of up to n bytes (at least one unless at the end); -1 at the end. */
    int readSome(byte[] b, int off, int n) throws IOException {
      int r = super.read(b, off, n);
      if (r > 0) {
        pos += r;
      }
      return r;
    }

    void pushBack(byte[] b, int off, int n) throws IOException {
      unread(b, off, n);
      pos -= n;
    }
  }

  /**
   * Blocks back to back: the LEN of each says where the next starts. Reads ahead into {@link #buf}
   * as far as one read gives and hands out the blocks in place (one stream call per buffer, not two
   * per block); on a live input a read returns what has arrived, so nothing waits for more.
   */
  static final class RawChunks extends Chunks {
    /** Bytes of {@link #buf} holding input; {@code buf[0]} lies at file offset {@link #base}. */
    private int filled;
    private long base;

    RawChunks(InputStream in, Events events) {
      super(in, events);
    }

    @Override
    boolean next() throws IOException {
      int start = off + len;
      int h = have(start, 3);
      start = off; // have() may move the unread bytes to the front
      long at = base + start;
      if (h == 0) {
        return false;
      }
      if (h < 3) {
        events.reject(at, "truncated block header at end of file (" + h + " bytes)", buf, start, h);
        return false;
      }
      int blockLen = Framing.u16(buf, start + 1);
      if (blockLen < 3) {
        events.reject(at, "block LEN " + blockLen + " is below 3: the next block cannot be found", buf, start, 3);
        return false;
      }
      int got = have(start, blockLen);
      start = off;
      if (got < blockLen) {
        events.reject(at, "block LEN " + blockLen + " runs past end of file (" + got + " bytes left)",
            buf, start, got);
        return false;
      }
      len = blockLen;
      fileOffset = base + start;
      return true;
    }

    /**
     * Makes {@code n} bytes from {@code start} available (fewer only at the end of input), moving
     * them to the front of the buffer when they do not fit; sets {@link #off} to where they begin
     * (and {@link #len} to 0) and returns how many there are.
     */
    private int have(int start, int n) throws IOException {
      off = start;
      len = 0;
      if (filled - start >= n) {
        return n;
      }
      if (start + n > buf.length) {
        System.arraycopy(buf, start, buf, 0, filled - start);
        base += start;
        filled -= start;
        off = 0;
        ensure(n);
      }
      while (filled - off < n) {
        int r = in.readSome(buf, filled, buf.length - filled);
        if (r < 0) {
          break;
        }
        filled += r;
      }
      return Math.min(n, filled - off);
    }
  }

  /** FINAL recording frames. */
  static final class FinalChunks extends Chunks {
    FinalChunks(InputStream in, Events events) {
      super(in, events);
    }

    @Override
    boolean next() throws IOException {
      while (true) {
        long at = in.pos;
        int h = in.readFully(buf, 0, 2);
        if (h == 0) {
          return false;
        }
        if (h < 2) {
          events.reject(at, "truncated FINAL frame header at end of file", buf, 0, h);
          return false;
        }
        int frameLen = Framing.u16(buf, 0);
        if (frameLen < 15) {
          events.reject(at, "FINAL frame length " + frameLen + " is too small", buf, 0, 2);
          if (!resync(0, 2)) {
            return false;
          }
          continue;
        }
        ensure(frameLen);
        int got = in.readFully(buf, 2, frameLen - 2);
        if (got < frameLen - 2) {
          events.reject(at, "FINAL frame length " + frameLen + " runs past end of file (" + (2 + got)
              + " bytes left)", buf, 0, 2 + got);
          return false;
        }
        if (!pad(buf, frameLen - 4)) {
          events.reject(at, "FINAL frame does not end with A5A5A5A5 padding", buf, 0, Math.min(frameLen, 64));
          if (!resync(2, frameLen)) {
            return false;
          }
          continue;
        }
        off = 8;
        len = frameLen - 12;
        fileOffset = at + 8;
        return true;
      }
    }

    private static boolean pad(byte[] b, int p) {
      return (b[p] & 0xff) == 0xa5 && (b[p + 1] & 0xff) == 0xa5 && (b[p + 2] & 0xff) == 0xa5
          && (b[p + 3] & 0xff) == 0xa5;
    }

    /** Continues after the next A5A5A5A5 found in buf[from..to) or further in the stream. */
    private boolean resync(int from, int to) throws IOException {
      for (int i = from; i + 4 <= to; i++) {
        if (pad(buf, i)) {
          in.pushBack(buf, i + 4, to - i - 4);
          return true;
        }
      }
      int run = 0;
      for (int c; (c = in.read()) >= 0; ) {
        run = c == 0xa5 ? run + 1 : 0;
        if (run == 4) {
          return true;
        }
      }
      return false;
    }
  }

  /** GPS-framed recordings: 0xCD header, then block + 10-byte trailer. */
  static final class GpsChunks extends Chunks {
    private boolean started;

    GpsChunks(InputStream in, Events events) {
      super(in, events);
    }

    @Override
    boolean next() throws IOException {
      if (!started) {
        started = true;
        int c;
        while ((c = in.read()) == 0xcd) {
          // header filler
        }
        if (c < 0) {
          return false;
        }
        in.unread(c);
        in.pos--;
      }
      long at = in.pos;
      int h = in.readFully(buf, 0, 3);
      if (h == 0) {
        return false;
      }
      int blockLen = h == 3 ? Framing.u16(buf, 1) : 0;
      if (h < 3 || blockLen < 3 || !Framing.knownCategory(buf[0] & 0xff)) {
        events.reject(at, "GPS framing lost: no ASTERIX block header here", buf, 0, h);
        return false;
      }
      ensure(blockLen + 10);
      int got = in.readFully(buf, 3, blockLen - 3);
      if (got < blockLen - 3) {
        events.reject(at, "block LEN " + blockLen + " runs past end of file (" + (3 + got) + " bytes left)",
            buf, 0, 3 + got);
        return false;
      }
      in.readFully(buf, blockLen, 10); // time trailer: not a UTC date, so not used
      off = 0;
      len = blockLen;
      fileOffset = at;
      return true;
    }
  }
}
