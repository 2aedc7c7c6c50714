package io.watchline.cli.live;

import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import java.util.Locale;

/**
 * {@code fuse --follow}: a late record's reason names the option that sets the watermark and its
 * value, so the operator knows what to raise. The time merge words its reasons for batch runs
 * ({@code --reorder-window}); its figure of how late the record was is kept.
 */
public final class MaxDelayRejects implements RejectSink {
  private static final String LATE = "late record: ";

  private final RejectSink into;
  private final long maxDelayMs;

  public MaxDelayRejects(RejectSink into, long maxDelayMs) {
    this.into = into;
    this.maxDelayMs = maxDelayMs;
  }

  @Override
  public void reject(Reject r) {
    String reason = r.reason();
    int cut = reason.indexOf(" (reorder window");
    if (reason.startsWith(LATE) && cut > 0) {
      reason = reason.substring(0, cut) + " (beyond --max-delay " + duration(maxDelayMs)
          + "); raise --max-delay to fuse records this late";
    }
    into.reject(new Reject(r.src(), reason, r.excerpt()));
  }

  /** 5000 ms as {@code 5s}, 1500 ms as {@code 1.5s}, 250 ms as {@code 250ms}: how the option is written. */
  public static String duration(long ms) {
    if (ms % 1000 != 0 && ms < 1000) return ms + "ms";
    return (ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.3f", ms / 1000.0).replaceAll("0+$", ""))
        + "s";
  }
}
