package io.watchline.cli.nightly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What one configured feed delivered for the window: the data-quality row of the report. */
public final class FeedQuality {
  final String name;
  final List<String> files = new ArrayList<>();
  final List<String> unreadable = new ArrayList<>();
  final Set<String> formats = new TreeSet<>();
  final Set<String> sensors = new TreeSet<>();
  long read;
  long accepted;
  long rejected;
  long inWindow;
  long outsideWindow;
  Instant first;
  Instant last;

  FeedQuality(String name) {
    this.name = name;
  }

  void saw(Instant t, String sensor) {
    inWindow++;
    if (first == null || t.isBefore(first)) first = t;
    if (last == null || t.isAfter(last)) last = t;
    if (sensor != null) sensors.add(sensor);
  }

  public String name() {
    return name;
  }

  /**
   * Files matched but not one record could be read from them (unreadable, wrong format, every
   * record rejected, or empty): the run must not pass as a good night.
   */
  public boolean unusable() {
    return !files.isEmpty() && accepted == 0;
  }

  /** Why {@link #unusable()}, in one line. */
  public String unusableReason() {
    String n = files.size() == 1 ? "its file" : "its " + files.size() + " files";
    if (!unreadable.isEmpty()) {
      return "feed " + name + ": nothing could be read from " + n + " (" + unreadable.get(0) + ")";
    }
    return "feed " + name + ": not one record could be read from " + n + " (" + read + " read, " + rejected
        + " rejected; see rejects.ndjson)";
  }

  /** No observation inside the window: the feed is empty or its sensors were silent. */
  public boolean empty() {
    return inWindow == 0;
  }

  public long rejected() {
    return rejected;
  }
}
