package io.watchline.feed.csv;

import io.watchline.feed.AsciiNumbers;
import io.watchline.feed.csv.ExportReader.Field;
import io.watchline.ndjson.IsoTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one export row. A quote-free CSV row is not copied: each field is where its
 * trimmed text lies in the line, and numbers and the common ISO time are read in place; quoted
 * rows and NDJSON values are kept as Strings. Reused from row to row.
 */
final class ExportRow {
  /** A field's text when it is not a plain cut of the line (quoted CSV, NDJSON); else null. */
  private final String[] values = new String[Field.values().length];
  /** Else where the field's trimmed text lies in {@link #line}: [from, to), from -1 when absent. */
  private final int[] from = new int[Field.values().length];
  private final int[] to = new int[Field.values().length];
  private String line;
  private final Slice slice = new Slice();

  /** Forgets the previous row. */
  void start(String text) {
    line = text;
    java.util.Arrays.fill(values, null);
    java.util.Arrays.fill(from, -1);
  }

  void set(Field f, String value) {
    values[f.ordinal()] = value;
  }

  /** True when the field's text is exactly {@code s}. */
  boolean is(Field f, String s) {
    int k = f.ordinal();
    if (values[k] != null) {
      return values[k].equals(s);
    }
    return from[k] >= 0 && to[k] - from[k] == s.length() && line.startsWith(s, from[k]);
  }

  /** The field as {@code Double.parseDouble} reads it; the field must be present. */
  double number(Field f) {
    int k = f.ordinal();
    String v = values[k];
    return v != null ? AsciiNumbers.parseDouble(v, 0, v.length()) : AsciiNumbers.parseDouble(line, from[k], to[k]);
  }

  /** Reads a CSV row into the fields its columns name; a problem to reject it with, or null. */
  String fromCsv(String line, char delimiter, ExportReader.Field[] columns) {
    if (line.indexOf('"') < 0) {
      return cut(line, delimiter, columns);
    }
    List<String> cells = split(line, delimiter);
    if (cells == null) {
      return "unterminated quoted field";
    }
    if (cells.size() != columns.length) {
      return "row has " + cells.size() + " columns, the header has " + columns.length;
    }
    for (int i = 0; i < cells.size(); i++) {
      if (columns[i] != null) {
        String v = cells.get(i).trim();
        values[columns[i].ordinal()] = v.isEmpty() ? null : v;
      }
    }
    return null;
  }

  /** A quote-free row: notes where each known column's trimmed text lies, copying nothing. */
  private String cut(String line, char delimiter, ExportReader.Field[] columns) {
    int cells = 0;
    int start = 0;
    int n = line.length();
    while (true) {
      int end = line.indexOf(delimiter, start);
      if (end < 0) {
        end = n;
      }
      if (cells < columns.length && columns[cells] != null) {
        int a = start;
        int b = end;
        while (a < b && line.charAt(a) <= ' ') { // as String.trim
          a++;
        }
        while (b > a && line.charAt(b - 1) <= ' ') {
          b--;
        }
        if (a < b) {
          from[columns[cells].ordinal()] = a;
          to[columns[cells].ordinal()] = b;
        }
      }
      cells++;
      if (end == n) {
        break;
      }
      start = end + 1;
    }
    return cells == columns.length ? null : "row has " + cells + " columns, the header has " + columns.length;
  }

  /** The field's text, or null when absent or blank. */
  String text(Field f) {
    int k = f.ordinal();
    return values[k] != null ? values[k] : from[k] >= 0 ? line.substring(from[k], to[k]) : null;
  }

  /** The field's value when it is 1 to 4 plain digits without a leading zero; else -1. */
  int smallNumber(Field f) {
    int k = f.ordinal();
    String s = values[k] != null ? values[k] : line;
    int a = values[k] != null ? 0 : from[k];
    int b = values[k] != null ? s.length() : to[k];
    if (a < 0 || b - a < 1 || b - a > 4 || b - a > 1 && s.charAt(a) == '0') {
      return -1;
    }
    int v = 0;
    for (int i = a; i < b; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + c - '0';
    }
    return v;
  }

  boolean has(Field f) {
    return values[f.ordinal()] != null || from[f.ordinal()] >= 0;
  }

  /** The row's time; the common ISO form is read in place. */
  Instant time() {
    int k = Field.T.ordinal();
    if (values[k] == null) {
      slice.of(line, from[k], to[k]);
      if (!isEpochNumber(slice)) {
        try {
          return IsoTime.parse(slice);
        } catch (DateTimeParseException e) {
          // the zone-less and spaced forms below
        }
      }
    }
    return parseTime(text(Field.T));
  }

  /** ISO-8601 (zone-less means UTC) or epoch seconds / milliseconds. */
  static Instant parseTime(String s) {
    try {
      if (isEpochNumber(s)) {
        double d = Double.parseDouble(s);
        return d > 1e11 ? Instant.ofEpochMilli((long) d) : Instant.ofEpochMilli(Math.round(d * 1000));
      }
      try {
        return IsoTime.parse(s);
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("time '" + s + "' is neither ISO-8601 nor epoch seconds/ms");
    }
  }

  private static boolean isEpochNumber(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Chars [from, to) of a line, as a view for the time parser. */
  private static final class Slice implements CharSequence {
    private String s;
    private int from;
    private int to;

    void of(String line, int a, int b) {
      s = line;
      from = a;
      to = b;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int i) {
      return s.charAt(from + i);
    }

    @Override
    public CharSequence subSequence(int a, int b) {
      return s.substring(from + a, from + b);
    }

    @Override
    public String toString() {
      return s.substring(from, to);
    }
  }

  /** Splits one CSV line honouring double quotes ("" inside quotes is a quote); null if a quote is open. */
  static List<String> split(String line, char delim) {
    List<String> out = new ArrayList<>();
    if (line.indexOf('"') < 0) {
      // Most exports quote nothing: cut at the delimiters without copying char by char.
      int from = 0;
      for (int at; (at = line.indexOf(delim, from)) >= 0; from = at + 1) {
        out.add(line.substring(from, at));
      }
      out.add(line.substring(from));
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delim) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(cur.toString());
    return out;
  }
}
