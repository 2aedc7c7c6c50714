package io.watchline.observation;

/**
 * Provenance of a record: the file it came from and where in it. Binary feeds give a byte offset,
 * text feeds a line number and the byte offset of that line's first byte. Either may be absent
 * (-1). This is what lets an analyst show which raw bytes an incident came from.
 */
public record Source(String file, long offset, long line) {
  public static final long ABSENT = -1;

  public static Source atOffset(String file, long offset) {
    return new Source(file, offset, ABSENT);
  }

  public static Source atLine(String file, long offset, long line) {
    return new Source(file, offset, line);
  }

  public boolean hasOffset() {
    return offset >= 0;
  }

  public boolean hasLine() {
    return line >= 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file == null ? "-" : file);
    if (hasLine()) {
      sb.append(':').append(line);
    }
    if (hasOffset()) {
      sb.append(" @").append(offset);
    }
    return sb.toString();
  }
}
