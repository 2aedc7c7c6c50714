package io.watchline.reliability;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * Seeded structure-blind mutations of real sample files, the kind of damage a bad radio link or a
 * half-written export does: bit flips, bytes set to boundary values, truncation, deleted and
 * repeated chunks, splices of two files, corrupted big-endian length fields, and inserted
 * delimiters. Deterministic for a given {@link Random} so that a failure is reproducible from its
 * seed alone.
 */
final class Mutator {
  private static final byte[] INTERESTING = {
    0, (byte) 0xFF, (byte) 0x7F, (byte) 0x80, 1, '\n', '\r', ',', '*', '$', '<', '>', '"', '&', '{',
    '}', '-', '.', '9', 'e'
  };

  private final Random rnd;

  Mutator(Random rnd) {
    this.rnd = rnd;
  }

  /** One to four stacked mutations of {@code base}; {@code others} provides splice partners. */
  byte[] mutate(byte[] base, List<byte[]> others) {
    byte[] b = base;
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      b = once(b, others);
    }
    return b;
  }

  private byte[] once(byte[] b, List<byte[]> others) {
    if (b.length == 0) {
      return new byte[] {INTERESTING[rnd.nextInt(INTERESTING.length)]};
    }
    switch (rnd.nextInt(11)) {
      case 0 -> { // bit flips
        b = b.clone();
        for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
          int p = rnd.nextInt(b.length);
          b[p] ^= (byte) (1 << rnd.nextInt(8));
        }
        return b;
      }
      case 1 -> { // boundary byte values
        b = b.clone();
        b[rnd.nextInt(b.length)] = INTERESTING[rnd.nextInt(INTERESTING.length)];
        return b;
      }
      case 2 -> { // truncation
        return java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
      }
      case 3 -> { // delete a chunk
        int from = rnd.nextInt(b.length);
        int len = 1 + rnd.nextInt(Math.min(64, b.length - from));
        return cat(slice(b, 0, from), slice(b, from + len, b.length));
      }
      case 4 -> { // repeat a chunk (duplicated packets, replayed lines)
        int from = rnd.nextInt(b.length);
        int len = 1 + rnd.nextInt(Math.min(256, b.length - from));
        byte[] chunk = slice(b, from, from + len);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + len * 3);
        out.write(b, 0, from + len);
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
          out.write(chunk, 0, chunk.length);
        }
        out.write(b, from + len, b.length - from - len);
        return out.toByteArray();
      }
      case 5 -> { // splice with another sample
        byte[] o = others.isEmpty() ? b : others.get(rnd.nextInt(others.size()));
        if (o.length == 0) {
          return b;
        }
        int cut = rnd.nextInt(b.length);
        int from = rnd.nextInt(o.length);
        return cat(slice(b, 0, cut), slice(o, from, o.length));
      }
      case 6 -> { // big-endian 16-bit length field set to a boundary value
        if (b.length < 2) {
          return b;
        }
        b = b.clone();
        int p = rnd.nextInt(b.length - 1);
        int v = switch (rnd.nextInt(5)) {
          case 0 -> 0;
          case 1 -> 1;
          case 2 -> 3;
          case 3 -> 0xFFFF;
          default -> (((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF)) + rnd.nextInt(9) - 4;
        };
        b[p] = (byte) (v >> 8);
        b[p + 1] = (byte) v;
        return b;
      }
      case 7 -> { // insert random bytes
        int p = rnd.nextInt(b.length + 1);
        byte[] ins = new byte[1 + rnd.nextInt(16)];
        rnd.nextBytes(ins);
        return cat(slice(b, 0, p), ins, slice(b, p, b.length));
      }
      case 8 -> { // replace a digit run with an extreme number
        int p = rnd.nextInt(b.length);
        while (p < b.length && (b[p] < '0' || b[p] > '9')) {
          p++;
        }
        if (p == b.length) {
          return b;
        }
        int e = p;
        while (e < b.length && b[e] >= '0' && b[e] <= '9') {
          e++;
        }
        String[] extremes = {"0", "-1", "99999999999999999999", "1e308", "NaN", "-0", "4294967296", ""};
        byte[] rep = extremes[rnd.nextInt(extremes.length)].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return cat(slice(b, 0, p), rep, slice(b, e, b.length));
      }
      case 9 -> { // swap two chunks (reordered records)
        int a = rnd.nextInt(b.length);
        int c = rnd.nextInt(b.length);
        int lo = Math.min(a, c);
        int hi = Math.max(a, c);
        int len = Math.min(1 + rnd.nextInt(64), hi - lo);
        if (len <= 0 || hi + len > b.length) {
          return b;
        }
        byte[] r = b.clone();
        System.arraycopy(b, hi, r, lo, len);
        System.arraycopy(b, lo, r, hi, len);
        return r;
      }
      default -> { // a record delimiter in the middle of a record
        int p = rnd.nextInt(b.length + 1);
        byte[] d = {INTERESTING[5 + rnd.nextInt(2)]};
        return cat(slice(b, 0, p), d, slice(b, p, b.length));
      }
    }
  }

  static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  static byte[] cat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] r = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, r, o, p.length);
      o += p.length;
    }
    return r;
  }
}
