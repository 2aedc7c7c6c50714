package io.watchline.reliability;

import io.watchline.feed.Reject;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Differential checks of the no-data-loss rule: damage one part of a real file and compare with
 * what the undamaged file gave. Records away from the damage must come through unchanged.
 */
final class NoLossChecks {
  private NoLossChecks() {}

  /**
   * Replaces one line of {@code original} with garbage (no newline in it) and checks that every
   * other line yields exactly what it yielded before: same observations, same rejects, by line
   * number (byte offsets after the damaged line and the reader's sequence numbers shift and are
   * not compared). Observations that
   * carry another file's provenance cannot be placed on a line and are left out.
   */
  static void damagedLineLosesNothingElse(FeedTarget t, byte[] original, Random rnd) {
    List<int[]> lines = lines(original);
    if (lines.size() <= t.headerLines()) {
      return;
    }
    int victim = t.headerLines() + rnd.nextInt(lines.size() - t.headerLines());
    int[] span = lines.get(victim);
    byte[] garbage = garbageFor(Arrays.copyOfRange(original, span[0], span[1]), rnd);
    byte[] damaged = Mutator.cat(
        Arrays.copyOfRange(original, 0, span[0]), garbage, Arrays.copyOfRange(original, span[1], original.length));
    long victimLine = victim + 1L;
    FeedRun before = FeedRun.read(t, original);
    FeedRun after = FeedRun.read(t, damaged);
    after.assertInvariants(t, damaged);
    List<Observation> want = byLineExcept(before.observations(), victimLine);
    List<Observation> got = byLineExcept(after.observations(), victimLine);
    if (!want.equals(got)) {
      throw FeedRun.fail(t, damaged, "damaging line " + victimLine + " changed other lines' observations: "
          + firstDifference(want, got), null);
    }
    List<String> wantRejects = rejectsExcept(before.rejects(), victimLine);
    List<String> gotRejects = rejectsExcept(after.rejects(), victimLine);
    if (!wantRejects.equals(gotRejects)) {
      throw FeedRun.fail(t, damaged, "damaging line " + victimLine + " changed other lines' rejects: "
          + wantRejects + " vs " + gotRejects, null);
    }
  }

  /**
   * For formats with context across lines: damaging one line may cost at most {@code maxLoss} of
   * the observations the intact input gave (compared by time, position and sensor, since
   * provenance and sequence numbers shift).
   */
  static void damagedLineLosesAtMost(FeedTarget t, byte[] original, Random rnd, int maxLoss) {
    List<int[]> lines = lines(original);
    if (lines.size() <= t.headerLines()) {
      return;
    }
    int victim = t.headerLines() + rnd.nextInt(lines.size() - t.headerLines());
    int[] span = lines.get(victim);
    byte[] garbage = garbageFor(Arrays.copyOfRange(original, span[0], span[1]), rnd);
    byte[] damaged = Mutator.cat(
        Arrays.copyOfRange(original, 0, span[0]), garbage, Arrays.copyOfRange(original, span[1], original.length));
    FeedRun before = FeedRun.read(t, original);
    FeedRun after = FeedRun.read(t, damaged);
    after.assertInvariants(t, damaged);
    java.util.Map<String, Integer> left = new java.util.HashMap<>();
    for (Observation o : after.observations()) {
      left.merge(key(o), 1, Integer::sum);
    }
    int lost = 0;
    for (Observation o : before.observations()) {
      if (left.merge(key(o), -1, Integer::sum) < 0) {
        lost++;
      }
    }
    if (lost > maxLoss) {
      throw FeedRun.fail(t, damaged, "damaging line " + (victim + 1) + " lost " + lost
          + " observations of the intact input (at most " + maxLoss + " allowed)", null);
    }
  }

  private static String key(Observation o) {
    return o.t() + " " + o.lat() + " " + o.lon() + " " + o.sensor() + " " + o.kind();
  }

  /**
   * Cuts the input at a random point and checks that every observation whose record ended before
   * the cut (the next observation starts at or before it) is still emitted, identically.
   */
  static void truncationKeepsCompleteRecords(FeedTarget t, byte[] original, Random rnd) {
    if (original.length < 2) {
      return;
    }
    int cut = 1 + rnd.nextInt(original.length - 1);
    byte[] head = Arrays.copyOf(original, cut);
    List<Observation> full = FeedRun.read(t, original).observations();
    FeedRun part = FeedRun.read(t, head);
    part.assertInvariants(t, head);
    List<Observation> complete = new ArrayList<>();
    for (int i = 0; i + 1 < full.size(); i++) {
      Source next = full.get(i + 1).src();
      if (next.hasOffset() && next.offset() <= cut && next.offset() > full.get(i).src().offset()) {
        complete.add(full.get(i));
      }
    }
    for (Observation o : complete) {
      if (!part.observations().contains(o)) {
        throw FeedRun.fail(t, head, "cutting the input at byte " + cut + " lost a complete record: " + o, null);
      }
    }
  }

  private static byte[] garbageFor(byte[] line, Random rnd) {
    byte[] g;
    switch (rnd.nextInt(3)) {
      case 0 -> { // the line with flipped bits
        g = line.clone();
        for (int k = 0; k < 1 + g.length / 8 && g.length > 0; k++) {
          g[rnd.nextInt(g.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
      }
      case 1 -> g = Arrays.copyOf(line, line.length == 0 ? 0 : rnd.nextInt(line.length)); // cut short
      default -> {
        g = new byte[rnd.nextInt(120)];
        rnd.nextBytes(g);
      }
    }
    for (int i = 0; i < g.length; i++) {
      if (g[i] == '\n' || g[i] == '\r') {
        g[i] = '#';
      }
    }
    return g;
  }

  /** Line spans [start, end) excluding the terminator. */
  static List<int[]> lines(byte[] b) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        int end = i > start && b[i - 1] == '\r' ? i - 1 : i;
        out.add(new int[] {start, end});
        start = i + 1;
      }
    }
    if (start < b.length) {
      out.add(new int[] {start, b.length});
    }
    return out;
  }

  private static List<Observation> byLineExcept(List<Observation> obs, long line) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : obs) {
      // Only this input's own provenance tells which line a record came from (canonical NDJSON
      // may carry an upstream file's source through).
      if (FeedRun.ownSource(o.src()) && o.src().line() != line) {
        Source s = o.src();
        out.add(new Observation(o.t(), o.kind(), o.sensor(), -1, o.lat(), o.lon(), o.rangeM(),
            o.bearingDeg(), o.track(), o.speedMps(), o.courseDeg(), o.cls(), o.conf(), o.unit(),
            new Source(s.file(), Source.ABSENT, s.line())));
      }
    }
    return out;
  }

  private static List<String> rejectsExcept(List<Reject> rejects, long line) {
    List<String> out = new ArrayList<>();
    for (Reject r : rejects) {
      if (r.src().line() != line) {
        out.add(r.src().line() + ": " + r.reason());
      }
    }
    return out;
  }

  private static String firstDifference(List<Observation> want, List<Observation> got) {
    for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
      if (!want.get(i).equals(got.get(i))) {
        return "#" + i + " was " + want.get(i) + ", now " + got.get(i);
      }
    }
    return "count was " + want.size() + ", now " + got.size();
  }
}
