package io.watchline.fusion.track;

import java.util.Arrays;

/**
 * Class evidence from every sensor that saw a target, combined as confidence-weighted votes (a
 * missing confidence counts 0.5). Radars seldom classify; cameras usually do, so a camera's
 * "human" outweighs nothing. The winner's share of the votes is its combined confidence, counted
 * against {@link #PRIOR} votes of "not sure" so that little evidence says little: one camera
 * frame calling a radar-tracked walker "animal" at confidence 0.4 (a deer on the same line of
 * sight) has a share of 0.17, not 1.0; fifty frames at 0.5 have 0.93.
 */
public final class ClassVotes {
  // classes in name order with their summed weights: a handful per track, added to for every
  // classified observation, so sorted arrays rather than a tree of boxed sums
  private String[] names = new String[2];
  private double[] sums = new double[2];
  private int n;
  private double total;

  public void add(String cls, double conf) {
    add(cls, conf, 1);
  }

  /**
   * A vote that is a recognition only with probability {@code reliability} (a camera's call at a
   * range where it mostly guesses, {@code Site.classReliability}): that part goes to the class,
   * the rest counts as "not sure", so a hundred frames of guesses at the edge of the camera's
   * range do not outvote a few recognitions close in, nor make a share of their own.
   */
  public void add(String cls, double conf, double reliability) {
    if (cls == null || cls.isBlank() || "unknown".equals(cls)) {
      return;
    }
    double w = Double.isNaN(conf) ? 0.5 : Math.max(0.05, Math.min(1, conf));
    double r = Double.isNaN(reliability) ? 1 : Math.max(0, Math.min(1, reliability));
    merge(cls, w * r);
    total += w;
  }

  public void addAll(ClassVotes other) {
    for (int i = 0; i < other.n; i++) {
      merge(other.names[i], other.sums[i]);
    }
    total += other.total;
  }

  private void merge(String cls, double w) {
    int i = indexOf(cls);
    if (i >= 0) {
      sums[i] += w;
      return;
    }
    i = -i - 1;
    if (n == names.length) {
      names = Arrays.copyOf(names, n * 2);
      sums = Arrays.copyOf(sums, n * 2);
    }
    System.arraycopy(names, i, names, i + 1, n - i);
    System.arraycopy(sums, i, sums, i + 1, n - i);
    names[i] = cls;
    sums[i] = w;
    n++;
  }

  /** The class's place, or -(insertion point) - 1 when absent. */
  private int indexOf(String cls) {
    for (int i = 0; i < n; i++) {
      int c = names[i] == cls ? 0 : names[i].compareTo(cls);
      if (c == 0) return i;
      if (c > 0) return -i - 1;
    }
    return -n - 1;
  }

  /** The class with most weight, or "unknown". */
  public String best() {
    String best = "unknown";
    double w = 0;
    for (int i = 0; i < n; i++) {
      if (sums[i] > w) {
        w = sums[i];
        best = names[i];
      }
    }
    return best;
  }

  /** Weight of "not sure" every share is counted against (two confident frames' worth). */
  static final double PRIOR = 2.0;

  /** Share of the votes the best class has, with {@link #PRIOR} (0 when nobody classified). */
  public double share() {
    if (total == 0) return 0;
    String b = best();
    return sums[indexOf(b)] / (total + PRIOR);
  }

  /** A lead smaller than this (as a share of the votes) leaves the class contested. */
  static final double CONTESTED_LEAD = 0.4;

  /**
   * The winner's share, scaled down while the runner-up is close behind (a lead under {@link
   * #CONTESTED_LEAD}). A camera's analytics that call a walking group "animal" for minutes and
   * "human" for nearly as long say little either way (wrong classes persist for minutes, more so
   * at long range); the share alone would sink the group. A clear majority counts in full.
   */
  public double decisiveShare() {
    return share() * Math.min(1, lead() / CONTESTED_LEAD);
  }

  /** The winner's lead over the runner-up, with {@link #PRIOR} (0 when nobody classified). */
  public double lead() {
    if (total == 0) return 0;
    double first = 0, second = 0;
    for (int i = 0; i < n; i++) {
      if (sums[i] > first) {
        second = first;
        first = sums[i];
      } else if (sums[i] > second) {
        second = sums[i];
      }
    }
    return (first - second) / (total + PRIOR);
  }

  public double weight() {
    return total;
  }
}
