package io.watchline.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Something the fuzzers feed bytes to: a feed reader, a config loader, a geometry reader. */
interface FuzzSubject {
  /** Short name; also the folder under {@code fixtures/data/fuzz-regressions/}. */
  String name();

  /** Real or hand-written inputs the mutations start from. */
  List<Path> seeds();

  /** Runs the subject on {@code data} and asserts its invariants; throws AssertionError. */
  void check(byte[] data);

  /** Differential checks that compare a damaged seed with the intact one (no loss). */
  default void checkNoLoss(byte[] seed, Random rnd) {}

  static FuzzSubject of(FeedTarget t) {
    return new FuzzSubject() {
      @Override
      public String name() {
        return t.name();
      }

      @Override
      public List<Path> seeds() {
        return t.seeds().get();
      }

      @Override
      public void check(byte[] data) {
        FeedRun.check(t, data);
      }

      @Override
      public void checkNoLoss(byte[] seed, Random rnd) {
        if (t.lineDamageLoss() == FeedTarget.LINE_LOCAL) {
          NoLossChecks.damagedLineLosesNothingElse(t, seed, rnd);
        } else if (t.lineDamageLoss() > 0) {
          NoLossChecks.damagedLineLosesAtMost(t, seed, rnd, t.lineDamageLoss());
        }
        if (t.truncationKeepsPrefix()) {
          NoLossChecks.truncationKeepsCompleteRecords(t, seed, rnd);
        }
      }

      @Override
      public String toString() {
        return t.name();
      }
    };
  }
}
