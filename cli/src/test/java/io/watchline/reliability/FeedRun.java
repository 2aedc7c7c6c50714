package io.watchline.reliability;

import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Everything one reader produced from one input, and the invariants every reader must keep on any
 * input, however damaged or hostile:
 *
 * <ul>
 *   <li>no exception at all (the input stream never fails, so not even an IOException);
 *   <li>the counts agree with what was seen: emitted = observations returned, rejected = rejects
 *       delivered to the sink, read = emitted + skipped + rejected;
 *   <li>the end is sticky: {@code next()} after {@code null} is {@code null} again;
 *   <li>every reject has a reason and a source offset within the input;
 *   <li>every observation has a source within the input, finite values in range, and survives
 *       the canonical NDJSON round trip unchanged (what fuse will read back);
 *   <li>reading through a stream that returns a few bytes at a time gives the same result (no
 *       buffer-boundary bugs).
 * </ul>
 *
 * Violations throw {@link AssertionError} naming the reader and the input's size and hash.
 */
record FeedRun(List<Observation> observations, List<Reject> rejects, ReadStats stats) {
  /** The file name readers are given, so that their own provenance can be told apart. */
  static final String INPUT_NAME = "fuzz-input";

  /**
   * Whether the reader gave this source (it passes the very name object we opened the input with)
   * rather than passing through a record's own upstream provenance, which may spell any file name,
   * this one included: the fuzzer learns the name from the comparisons below and writes it into
   * NDJSON "src" fields. Hence identity, not equals.
   */
  @SuppressWarnings("StringEquality")
  static boolean ownSource(Source s) {
    return s != null && s.file() == INPUT_NAME;
  }

  static FeedRun read(FeedTarget target, byte[] data) {
    return read(target, new ByteArrayInputStream(data), data);
  }

  static FeedRun read(FeedTarget target, InputStream in, byte[] data) {
    List<Observation> obs = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    RejectSink sink = rejects::add;
    FeedReader opened;
    try {
      opened = target.opener().open(in, INPUT_NAME, sink);
    } catch (io.watchline.feed.FeedException e) {
      // A whole-file verdict (not this format, no date for ASTERIX time of day) is fine when it
      // says so in one line; ingest reports it and goes on with the next input.
      String m = e.getMessage();
      if (m == null || m.isBlank() || m.contains("\n")) {
        throw fail(target, data, "FeedException without a one-line message: [" + m + "]", e);
      }
      ReadStats none = new ReadStats(INPUT_NAME);
      return new FeedRun(List.of(), List.of(), none);
    } catch (Throwable e) {
      throw fail(target, data, "opening the reader threw " + e, e);
    }
    try (FeedReader r = opened) {
      Observation o;
      while ((o = r.next()) != null) {
        obs.add(o);
        if (obs.size() > 10 * data.length + 10) {
          throw fail(target, data, "more observations than the input can hold: no progress?", null);
        }
      }
      if (r.next() != null) {
        throw fail(target, data, "next() returned an observation after returning null", null);
      }
      return new FeedRun(obs, rejects, r.stats());
    } catch (io.watchline.feed.FeedException e) {
      // A whole-file verdict found while reading (a CSV header without a time column).
      if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
        throw fail(target, data, "FeedException without a one-line message: [" + e.getMessage() + "]", e);
      }
      return new FeedRun(obs, rejects, statsOf(opened));
    } catch (AssertionError e) {
      throw e;
    } catch (Throwable e) {
      throw fail(target, data, "reader threw " + e, e);
    }
  }

  private static ReadStats statsOf(FeedReader r) {
    return r.stats();
  }

  /** Reads {@code data} and asserts every invariant; returns the run for further checks. */
  static FeedRun check(FeedTarget target, byte[] data) {
    FeedRun run = read(target, data);
    run.assertInvariants(target, data);
    FeedRun trickled = read(target, new TrickleInputStream(data, seedOf(data)), data);
    if (!trickled.observations.equals(run.observations) || !sameRejects(trickled.rejects, run.rejects)) {
      throw fail(target, data, "reading in small chunks changed the result: "
          + run.summary() + " vs " + trickled.summary() + "; first difference: "
          + firstDifference(run, trickled), null);
    }
    return run;
  }

  void assertInvariants(FeedTarget target, byte[] data) {
    if (stats.emittedCount() != observations.size()) {
      throw fail(target, data, "stats say " + stats.emittedCount() + " emitted, next() gave " + observations.size(), null);
    }
    if (stats.rejectedCount() != rejects.size()) {
      throw fail(target, data, "stats say " + stats.rejectedCount() + " rejected, the sink got " + rejects.size(), null);
    }
    if (stats.read() != stats.emittedCount() + stats.skippedTotal() + stats.rejectedCount()
        || stats.read() != stats.accepted() + stats.rejectedCount()) {
      throw fail(target, data, "read != accepted + rejected: " + stats.summary(), null);
    }
    for (Reject r : rejects) {
      if (r.reason() == null || r.reason().isBlank()) {
        throw fail(target, data, "reject without a reason: " + r, null);
      }
      if (r.src() == null || !r.src().hasOffset() || r.src().offset() > data.length) {
        throw fail(target, data, "reject without a source offset within the input (" + data.length + " bytes): " + r, null);
      }
    }
    java.util.regex.Pattern start =
        target.recordStart() == null ? null : java.util.regex.Pattern.compile(target.recordStart());
    for (Observation o : observations) {
      String bad = badValue(o, data.length);
      if (bad == null && start != null && ownSource(o.src()) && o.src().hasOffset()) {
        bad = pointsAt(start, data, (int) o.src().offset(), o.src().hasLine());
      }
      if (bad != null) {
        throw fail(target, data, bad + ": " + o, null);
      }
    }
    assertRoundTrip(target, data);
  }

  /** What the observation gets wrong, or null. */
  static String badValue(Observation o, long size) {
    Source s = o.src();
    if (s == null || !(s.hasOffset() || s.hasLine())) {
      return "observation without provenance";
    }
    // Canonical NDJSON passes provenance from an upstream file through; only this input's own
    // offsets must lie within it.
    if (ownSource(s) && s.hasOffset() && s.offset() > size) {
      return "source offset beyond the input (" + size + " bytes)";
    }
    if (o.hasPosition() != (!Double.isNaN(o.lat()) || !Double.isNaN(o.lon()))) {
      return "lat without lon or lon without lat";
    }
    if (o.hasPosition() && !(Math.abs(o.lat()) <= 90 && Math.abs(o.lon()) <= 180)) {
      return "position out of range";
    }
    if (!absentOrWithin(o.rangeM(), 0, Double.MAX_VALUE)) {
      return "range_m not finite and non-negative";
    }
    if (!absentOrWithin(o.bearingDeg(), 0, 360) || !absentOrWithin(o.courseDeg(), 0, 360)) {
      return "bearing/course outside 0..360";
    }
    if (!absentOrWithin(o.speedMps(), 0, Double.MAX_VALUE)) {
      return "speed_mps not finite and non-negative";
    }
    if (!absentOrWithin(o.conf(), 0, 1)) {
      return "conf outside 0..1";
    }
    return null;
  }

  /**
   * Null when the input at {@code offset} (after blanks) starts a record, else what it shows. A
   * line-based source gives the start of the record's line: the record must begin on that line.
   */
  static String pointsAt(java.util.regex.Pattern start, byte[] data, int offset, boolean line) {
    int i = offset;
    while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
      i++;
    }
    int end = i;
    while (end < data.length && data[end] != '\n' && data[end] != '\r') {
      end++;
    }
    String here = new String(data, i, (line ? end : Math.min(data.length, i + 64)) - i,
        java.nio.charset.StandardCharsets.ISO_8859_1);
    var m = start.matcher(here);
    if (line ? m.find() : m.lookingAt()) {
      return null;
    }
    return "source offset " + offset + " does not point at the record: '"
        + here.substring(0, Math.min(64, here.length())) + "'";
  }

  private static boolean absentOrWithin(double v, double lo, double hi) {
    return Double.isNaN(v) || (v >= lo && v <= hi);
  }

  /** Everything emitted must be written and read back by the canonical codec without loss. */
  private void assertRoundTrip(FeedTarget target, byte[] data) {
    if (observations.isEmpty()) {
      return;
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    List<Reject> back = new ArrayList<>();
    List<Observation> reread = new ArrayList<>();
    try (NdjsonWriter w = new NdjsonWriter(buf)) {
      for (Observation o : observations) {
        w.write(o);
      }
      w.flush();
      try (NdjsonObservationReader r =
          new NdjsonObservationReader(new ByteArrayInputStream(buf.toByteArray()), "rt", back::add)) {
        Observation o;
        while ((o = r.next()) != null) {
          reread.add(o);
        }
      }
    } catch (IOException e) {
      throw fail(target, data, "NDJSON round trip failed: " + e, e);
    }
    if (!back.isEmpty()) {
      throw fail(target, data, "an emitted observation does not survive NDJSON: " + back.get(0), null);
    }
    for (int i = 0; i < observations.size(); i++) {
      Observation a = observations.get(i);
      Observation b = reread.get(i);
      // The canonical form keeps milliseconds; everything else must come back as it was.
      if (!a.withTime(truncatedToMillis(a)).equals(b)) {
        throw fail(target, data, "NDJSON round trip changed an observation:\n  " + a + "\n  " + b, null);
      }
    }
  }

  private static java.time.Instant truncatedToMillis(Observation o) {
    return java.time.Instant.ofEpochMilli(o.t().toEpochMilli());
  }

  static boolean sameRejects(List<Reject> a, List<Reject> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      // The JDK's XML parser words a reason (column, even which decoding error) differently
      // depending on where its buffer ends; where the reject points may not move.
      if (!a.get(i).src().equals(b.get(i).src())) {
        return false;
      }
    }
    return true;
  }

  static String firstDifference(FeedRun a, FeedRun b) {
    for (int i = 0; i < Math.min(a.observations.size(), b.observations.size()); i++) {
      if (!a.observations.get(i).equals(b.observations.get(i))) {
        return a.observations.get(i) + " vs " + b.observations.get(i);
      }
    }
    for (int i = 0; i < Math.min(a.rejects.size(), b.rejects.size()); i++) {
      Reject x = a.rejects.get(i);
      Reject y = b.rejects.get(i);
      if (!x.src().equals(y.src()) || !x.reason().equals(y.reason())) {
        return x + " vs " + y;
      }
    }
    return "counts differ";
  }

  String summary() {
    return observations.size() + " observations, " + rejects.size() + " rejects (" + stats.summary() + ")";
  }

  static long seedOf(byte[] data) {
    return java.util.Arrays.hashCode(data);
  }

  static AssertionError fail(FeedTarget target, byte[] data, String what, Throwable cause) {
    String head = HexFormat.of().formatHex(data, 0, Math.min(data.length, 48));
    AssertionError e = new AssertionError(
        target.name() + ": " + what + " [input " + data.length + " bytes, sha1 " + sha1(data)
            + ", starts " + head + "]");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }

  static String sha1(byte[] data) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stream that hands out 1 to 7 bytes per read, as a slow serial link or pipe does. */
  static final class TrickleInputStream extends InputStream {
    private final byte[] data;
    private final Random rnd;
    private int pos;

    TrickleInputStream(byte[] data, long seed) {
      this.data = data;
      this.rnd = new Random(seed);
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + rnd.nextInt(7)), data.length - pos);
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return 0;
    }
  }
}
