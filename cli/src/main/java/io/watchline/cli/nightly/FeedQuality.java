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

  /** No observation inside the window: the feed is empty or its sensors were silent. */
  public boolean empty() {
    return inWindow == 0;
  }

  public long rejected() {
    return rejected;
  }
}
