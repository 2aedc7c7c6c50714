package io.watchline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on stderr, redrawn at most five times a second, and only when stderr is
 * a terminal, so logs of cron jobs and pipes stay clean. Small on purpose: a bar, a percentage and
 * a rate is all a duty officer needs to see that a long run is moving.
 */
public final class Progress implements AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final String label;
  private final long total;
  private final boolean live;
  private final PrintWriter err;
  private final long started = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  private Progress(String label, long total, boolean live, PrintWriter err) {
    this.label = label;
    this.total = total;
    this.live = live;
    this.err = err;
  }

  static Progress create(String label, long total, boolean live, PrintStream err) {
    return create(label, total, live, new PrintWriter(err, true));
  }

  static Progress create(String label, long total, boolean live, PrintWriter err) {
    return new Progress(label, total, live, err);
  }

  /**
   * True when stderr is a terminal. Java has no isatty; on Linux the descriptor's link tells, and
   * {@code WATCHLINE_PROGRESS=1|0} forces either way. TERM=dumb turns it off.
   */
  public static boolean stderrIsTerminal() {
    String forced = System.getenv("WATCHLINE_PROGRESS");
    if (forced != null) {
      return forced.equals("1");
    }
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }

  /** Reports the bytes of input read so far. */
  public void update(long done) {
    if (!live) return;
    long now = System.nanoTime();
    if (drawn && now - lastDraw < REDRAW_NANOS) return;
    lastDraw = now;
    drawn = true;
    err.print('\r' + line(done, now));
    err.flush();
  }

  String line(long done, long now) {
    double secs = Math.max(1e-3, (now - started) / 1e9);
    StringBuilder sb = new StringBuilder(label).append(' ');
    if (total > 0) {
      double f = Math.min(1.0, done / (double) total);
      int width = 30;
      int full = (int) Math.round(f * width);
      sb.append('[').append("=".repeat(full)).append(" ".repeat(width - full)).append("] ");
      sb.append(String.format(java.util.Locale.ROOT, "%3.0f%%", f * 100));
    } else {
      sb.append(megabytes(done)).append(" MB");
    }
    sb.append(' ').append(megabytes((long) (done / secs))).append(" MB/s ");
    return sb.toString();
  }

  /** The counts are bytes of input (the only total known before reading). */
  private static String megabytes(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e6);
  }

  /** Clears the bar so the next stderr line starts clean. */
  @Override
  public void close() {
    if (live && drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
