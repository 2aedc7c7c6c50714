package io.watchline.feed.asterix;

/**
 * How to find the length of one ASTERIX data item (or compound subfield) without decoding it:
 * fixed, extended (FX bit in the last octet of each part), repetitive (count octet then
 * count x size), explicit (first octet is the length, itself included) or compound (FX-chained
 * presence octets, then the present subfields). This is what lets a reader step over every item it
 * does not decode.
 */
record Item(String id, Type type, int size, Item[] subfields) {
  enum Type { FIXED, EXTENDED, REPETITIVE, EXPLICIT, COMPOUND }

  static Item fixed(String id, int n) {
    return new Item(id, Type.FIXED, n, null);
  }

  static Item ext(String id, int part) {
    return new Item(id, Type.EXTENDED, part, null);
  }

  static Item rep(String id, int n) {
    return new Item(id, Type.REPETITIVE, n, null);
  }

  static Item explicit(String id) {
    return new Item(id, Type.EXPLICIT, 0, null);
  }

  /** Subfields in presence-bit order; null marks a spare bit. */
  static Item compound(String id, Item... subfields) {
    return new Item(id, Type.COMPOUND, 0, subfields);
  }

  /** Compound whose subfields are all fixed, given by their sizes (0 = spare bit). */
  static Item compoundFixed(String id, int... sizes) {
    Item[] subs = new Item[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      subs[i] = sizes[i] == 0 ? null : fixed(id + "#" + (i + 1), sizes[i]);
    }
    return compound(id, subs);
  }

  /**
   * The offset just past this item starting at {@code p}; throws when it would run past {@code end}
   * or uses a subfield the edition does not define.
   */
  int skip(byte[] b, int p, int end) throws AsterixFormatException {
    switch (type) {
      case FIXED -> {
        return need(p + size, end);
      }
      case EXTENDED -> {
        int q = p;
        do {
          q = need(q + size, end);
        } while ((b[q - 1] & 1) != 0);
        return q;
      }
      case REPETITIVE -> {
        need(p + 1, end);
        return need(p + 1 + (b[p] & 0xff) * size, end);
      }
      case EXPLICIT -> {
        need(p + 1, end);
        int len = b[p] & 0xff;
        if (len < 1) {
          throw new AsterixFormatException(id + " explicit length 0");
        }
        return need(p + len, end);
      }
      case COMPOUND -> {
        int q = p;
        int first = p;
        do {
          q = need(q + 1, end);
        } while ((b[q - 1] & 1) != 0);
        int presenceBytes = q - first;
        for (int k = 0; k < presenceBytes; k++) {
          int octet = b[first + k] & 0xff;
          for (int bit = 7; bit >= 1; bit--) {
            if ((octet >> bit & 1) == 0) {
              continue;
            }
            int idx = k * 7 + (7 - bit);
            Item sub = idx < subfields.length ? subfields[idx] : null;
            if (sub == null) {
              throw new AsterixFormatException(id + " subfield " + (idx + 1) + " is not defined in this edition");
            }
            q = sub.skip(b, q, end);
          }
        }
        return q;
      }
      default -> throw new IllegalStateException();
    }
  }

  private int need(int q, int end) throws AsterixFormatException {
    if (q > end) {
      throw new AsterixFormatException(id + " runs past the end of the record data");
    }
    return q;
  }
}
