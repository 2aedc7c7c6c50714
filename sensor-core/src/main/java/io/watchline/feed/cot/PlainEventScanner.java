package io.watchline.feed.cot;

import java.nio.charset.StandardCharsets;

/**
 * Reads the attributes {@link CotReader} needs from one framed event without an XML parser, when
 * the event keeps to a plain subset of XML: printable ASCII (plus tab, LF and CR between tags),
 * ASCII names, elements and quoted attributes only (no comment, CDATA section, processing
 * instruction, DOCTYPE or entity reference) and no tab or line end inside an attribute value. On
 * that subset a well-formed event means exactly what the JDK parser reports, attribute values
 * being their bytes; the events TAK devices write keep to it. Anything else (outside the subset,
 * not well-formed, deeper or wider than the bounds below) makes {@link #scan} return false, and the
 * event goes to the parser, which decides and words the rejection. Building and resetting that
 * parser for every small event cost more than the parse itself.
 */
final class PlainEventScanner {
  static final int MAX_DEPTH = 32;
  static final int MAX_ATTRIBUTES = 32;
  static final int MAX_NAME = 128;

  private static final byte[] EVENT = ascii("event");
  private static final byte[] POINT = ascii("point");
  private static final byte[] CONTACT = ascii("contact");
  private static final byte[] TRACK = ascii("track");
  private static final byte[] UID = ascii("uid");
  private static final byte[] TYPE = ascii("type");
  private static final byte[] TIME = ascii("time");
  private static final byte[] LAT = ascii("lat");
  private static final byte[] LON = ascii("lon");
  private static final byte[] CALLSIGN = ascii("callsign");
  private static final byte[] SPEED = ascii("speed");
  private static final byte[] COURSE = ascii("course");

  private final int[] openStart = new int[MAX_DEPTH]; // names of the open elements
  private final int[] openEnd = new int[MAX_DEPTH];
  // the current start tag's attributes: name [start, end), value [start, end)
  private final int[] nameStart = new int[MAX_ATTRIBUTES];
  private final int[] nameEnd = new int[MAX_ATTRIBUTES];
  private final int[] valueStart = new int[MAX_ATTRIBUTES];
  private final int[] valueEnd = new int[MAX_ATTRIBUTES];
  private byte[] b;
  private int attributes;
  private boolean selfClosing; // the last start tag read ended in "/>"

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Fills {@code f} from the event in {@code event[0, len)} and returns true when the event is
   * well-formed and within the subset; returns false (with {@code f} in any state) otherwise.
   */
  boolean scan(byte[] event, int len, CotReader.EventFields f) {
    b = event;
    int depth = 0;
    boolean rootClosed = false;
    int p = 0;
    while (p < len) {
      byte c = b[p];
      if (c != '<') {
        // Text: only inside the root; no reference, no "]]>", nothing outside printable ASCII.
        if (depth == 0 || c == '&' || c == 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            || (c == '>' && p >= 2 && b[p - 1] == ']' && b[p - 2] == ']')) {
          return false;
        }
        p++;
        continue;
      }
      if (rootClosed || p + 1 >= len) {
        return false;
      }
      if (b[p + 1] == '/') {
        int ne = name(p + 2, len);
        int q = ne < 0 ? -1 : blanks(ne, len);
        if (q < 0 || q >= len || b[q] != '>' || depth == 0) {
          return false;
        }
        depth--;
        if (!same(p + 2, ne, openStart[depth], openEnd[depth])) {
          return false;
        }
        rootClosed = depth == 0;
        p = q + 1;
        continue;
      }
      int ns = p + 1;
      int ne = name(ns, len);
      if (ne < 0 || depth == MAX_DEPTH) {
        return false;
      }
      int q = attributes(ne, len);
      if (q < 0) {
        return false;
      }
      take(ns, ne, f);
      if (selfClosing) {
        rootClosed = depth == 0;
      } else {
        openStart[depth] = ns;
        openEnd[depth] = ne;
        depth++;
      }
      p = q;
    }
    return rootClosed;
  }

  /**
   * Reads a start tag's attributes from just after its name up to its "&gt;" or "/&gt;"; returns
   * the position after the tag, or -1.
   */
  private int attributes(int at, int len) {
    attributes = 0;
    int q = at;
    while (true) {
      int s = blanks(q, len);
      if (s >= len) {
        return -1;
      }
      selfClosing = b[s] == '/';
      if (b[s] == '>') {
        return s + 1;
      }
      if (selfClosing) {
        return s + 1 < len && b[s + 1] == '>' ? s + 2 : -1;
      }
      if (s == q || attributes == MAX_ATTRIBUTES) {
        return -1; // an attribute must follow a blank
      }
      int ne = name(s, len);
      int t = ne < 0 ? -1 : blanks(ne, len);
      if (t < 0 || t >= len || b[t] != '=') {
        return -1;
      }
      t = blanks(t + 1, len);
      if (t >= len || (b[t] != '"' && b[t] != '\'')) {
        return -1;
      }
      byte quote = b[t];
      int v = t + 1;
      while (v < len && b[v] != quote) {
        byte c = b[v];
        if (c < 0x20 || c == 0x7F || c == '<' || c == '&') {
          return -1; // a byte past ASCII (negative), a tab or line end the parser would rewrite
        }
        v++;
      }
      if (v >= len) {
        return -1;
      }
      for (int i = 0; i < attributes; i++) {
        if (same(s, ne, nameStart[i], nameEnd[i])) {
          return -1; // repeated attribute
        }
      }
      nameStart[attributes] = s;
      nameEnd[attributes] = ne;
      valueStart[attributes] = t + 1;
      valueEnd[attributes] = v;
      attributes++;
      q = v + 1;
    }
  }

  /** What the parser's start-element callback would store for this element. */
  private void take(int ns, int ne, CotReader.EventFields f) {
    if (is(ns, ne, EVENT)) {
      f.uid = value(UID);
      f.type = value(TYPE);
      f.time = value(TIME);
    } else if (is(ns, ne, POINT)) {
      f.latText = value(LAT);
      f.lonText = value(LON);
    } else if (is(ns, ne, CONTACT)) {
      f.callsign = value(CALLSIGN);
    } else if (is(ns, ne, TRACK)) {
      f.speed = value(SPEED);
      f.course = value(COURSE);
    }
  }

  private String value(byte[] name) {
    for (int i = 0; i < attributes; i++) {
      if (is(nameStart[i], nameEnd[i], name)) {
        return new String(b, valueStart[i], valueEnd[i] - valueStart[i], StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  /** End of the ASCII XML name at {@code at}, or -1 when none starts there or it is too long. */
  private int name(int at, int len) {
    if (at >= len || !nameStart(b[at])) {
      return -1;
    }
    int p = at + 1;
    while (p < len && (nameStart(b[p]) || (b[p] >= '0' && b[p] <= '9') || b[p] == '-' || b[p] == '.')) {
      p++;
    }
    return p - at > MAX_NAME ? -1 : p;
  }

  private static boolean nameStart(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private int blanks(int p, int len) {
    while (p < len && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r')) {
      p++;
    }
    return p;
  }

  private boolean same(int s1, int e1, int s2, int e2) {
    if (e1 - s1 != e2 - s2) {
      return false;
    }
    for (int i = 0; i < e1 - s1; i++) {
      if (b[s1 + i] != b[s2 + i]) {
        return false;
      }
    }
    return true;
  }

  private boolean is(int s, int e, byte[] name) {
    if (e - s != name.length) {
      return false;
    }
    for (int i = 0; i < name.length; i++) {
      if (b[s + i] != name[i]) {
        return false;
      }
    }
    return true;
  }
}
