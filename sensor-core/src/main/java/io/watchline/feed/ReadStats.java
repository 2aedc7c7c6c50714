package io.watchline.feed;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of what a reader saw. The invariant {@code read == emitted + skipped + rejected} always
 * holds: "accepted" records are the emitted ones plus those deliberately skipped with a named
 * reason (an ASTERIX service message, a duplicate multicast copy, a comment line), so that
 * {@code read == accepted + rejected}. Not thread-safe: one reader, one stats.
 */
public final class ReadStats {
  private final String file;
  private String format;
  private String wrapping = "";
  private long emitted;
  private long rejected;
  private final Map<String, Long> skipped = new TreeMap<>();
  /** The latest skip reason and how often it came in a row, not yet in {@link #skipped}. */
  private String runReason;
  private long runCount;
  private final Map<String, Long> warnings = new TreeMap<>();
  private long bytes;

  public ReadStats(String file) {
    this.file = file;
  }

  public void emitted() {
    emitted++;
  }

  public void rejected() {
    rejected++;
  }

  public void skipped(String reason) {
    if (reason == runReason && reason != null) { // the same constant again (a GGA after each RMC): no map look-up
      runCount++;
      return;
    }
    endRun();
    runReason = java.util.Objects.requireNonNull(reason, "reason");
    runCount = 1;
  }

  /** The skip counts by reason, the current run included. */
  private Map<String, Long> skippedCounts() {
    if (runReason == null) {
      return skipped;
    }
    Map<String, Long> all = new TreeMap<>(skipped);
    all.merge(runReason, runCount, Long::sum);
    return all;
  }

  /** Adds the run of identical skip reasons to the counts. */
  private void endRun() {
    if (runReason != null) {
      skipped.merge(runReason, runCount, Long::sum);
      runReason = null;
      runCount = 0;
    }
  }

  /**
   * Counts something about an emitted record worth telling the user (an ASTERIX radar missing from
   * the site registry, so no lat/lon). Warnings do not enter the read/accepted/rejected balance.
   */
  public void warn(String reason) {
    warnings.merge(reason, 1L, Long::sum);
  }

  public Map<String, Long> warningsByReason() {
    return Map.copyOf(warnings);
  }

  public void bytes(long total) {
    bytes = total;
  }

  public void format(String name) {
    format = name;
  }

  public String file() {
    return file;
  }

  /** What was unwrapped around the feed ({@code gzip}, {@code utf-8 bom}, …), shown after the format. */
  public void wrapping(String w) {
    wrapping = w;
  }

  /** The reader's format, then what was unwrapped: {@code gpx, gzip}; null when not known. */
  public String format() {
    return format == null || wrapping.isEmpty() ? format : format + ", " + wrapping;
  }

  public long read() {
    return emitted + skippedTotal() + rejected;
  }

  public long accepted() {
    return emitted + skippedTotal();
  }

  public long emittedCount() {
    return emitted;
  }

  public long rejectedCount() {
    return rejected;
  }

  public long skippedTotal() {
    long s = runCount;
    for (long v : skipped.values()) {
      s += v;
    }
    return s;
  }

  public Map<String, Long> skippedByReason() {
    return Map.copyOf(skippedCounts());
  }

  public long bytesRead() {
    return bytes;
  }

  /** One line for stderr: {@code file (format): read N = accepted A (...) + rejected R}. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(file);
    if (format != null) {
      sb.append(" (").append(format()).append(')');
    }
    sb.append(": read ").append(read()).append(" = accepted ").append(accepted());
    sb.append(" (observations ").append(emitted);
    skippedCounts().forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v));
    sb.append(") + rejected ").append(rejected);
    if (!warnings.isEmpty()) {
      sb.append("; warnings:");
      warnings.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v).append(';'));
      sb.setLength(sb.length() - 1);
    }
    return sb.toString();
  }
}
