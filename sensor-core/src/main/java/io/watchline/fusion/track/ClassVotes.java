package io.watchline.fusion.track;

import java.util.Map;
import java.util.TreeMap;

/**
 * Class evidence from every sensor that saw a target, combined as confidence-weighted votes (a
 * missing confidence counts 0.5). Radars seldom classify; cameras usually do, so a camera's
 * "human" outweighs nothing. The winner's share of the votes is its combined confidence, counted
 * against {@link #PRIOR} votes of "not sure" so that little evidence says little: one camera
 * frame calling a radar-tracked walker "animal" at confidence 0.4 (a deer on the same line of
 * sight) has a share of 0.17, not 1.0; fifty frames at 0.5 have 0.93.
 */
public final class ClassVotes {
  private final Map<String, Double> votes = new TreeMap<>();
  private double total;

  public void add(String cls, double conf) {
    if (cls == null || cls.isBlank() || "unknown".equals(cls)) {
      return;
    }
    double w = Double.isNaN(conf) ? 0.5 : Math.max(0.05, Math.min(1, conf));
    votes.merge(cls, w, Double::sum);
    total += w;
  }

  public void addAll(ClassVotes other) {
    other.votes.forEach((k, v) -> votes.merge(k, v, Double::sum));
    total += other.total;
  }

  /** The class with most weight, or "unknown". */
  public String best() {
    String best = "unknown";
    double w = 0;
    for (Map.Entry<String, Double> e : votes.entrySet()) {
      if (e.getValue() > w) {
        w = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }

  /** Weight of "not sure" every share is counted against (two confident frames' worth). */
  static final double PRIOR = 2.0;

  /** Share of the votes the best class has, with {@link #PRIOR} (0 when nobody classified). */
  public double share() {
    if (total == 0) return 0;
    return votes.get(best()) / (total + PRIOR);
  }

  public double weight() {
    return total;
  }
}
