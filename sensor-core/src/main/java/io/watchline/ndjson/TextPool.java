package io.watchline.ndjson;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Gives the same String for the same short text value line after line (sensor names, classes,
 * units): a feed repeats a few dozen of them millions of times, and one instance per value saves
 * the copy and lets every later map look-up find its hash cached and its key by identity.
 * Direct-mapped, 256 entries: a value whose slot is taken by another is simply made anew. One pool
 * per reader; not thread-safe.
 */
final class TextPool {
  private static final int MAX_LENGTH = 32;
  private final String[] slots = new String[256];

  /** The current string token's text. */
  String text(JsonParser p) throws IOException {
    int len = p.getTextLength();
    if (len > MAX_LENGTH) {
      return p.getText();
    }
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    int h = 0;
    for (int i = 0; i < len; i++) {
      h = 31 * h + chars[off + i];
    }
    int slot = (h ^ (h >>> 8)) & (slots.length - 1);
    String s = slots[slot];
    if (s != null && s.length() == len && same(s, chars, off)) {
      return s;
    }
    s = new String(chars, off, len);
    slots[slot] = s;
    return s;
  }

  private static boolean same(String s, char[] chars, int off) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != chars[off + i]) return false;
    }
    return true;
  }
}
