package io.watchline.analytics.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns each team to one sector for its shift to maximise the expected detections: the risk of
 * each sector and hour that no live sensor covers, times the chance that the teams there catch it
 * ({@code 1 − Π(1 − pᵢ·fᵢ)}, p the share of the sector's border a team watches, f the share of
 * the hour it is there after travelling from its base). The objective is monotone submodular and
 * "each team at most one sector" is a partition matroid, so greedy reaches at least half the
 * optimum (Fisher, Nemhauser and Wolsey 1978); {@link #exact} tries every assignment.
 */
public final class Planner {
  /** Hourly slots of the night window, 18:00 to 06:00 UTC. */
  public static final int SLOTS = 12;
  /** Greedy's guaranteed share of the optimum under a partition matroid. */
  public static final double GREEDY_BOUND = 0.5;

  /** Sectors in border order with their risk per hour slot and the border position of their middle. */
  public record Instance(List<String> sectors, double[] borderKm, double[] midKm, double[][] risk, List<Roster.Team> teams) {}

  /** sectorOf[t] = index of team t's sector, or -1 when it is not sent out. */
  public record Plan(int[] sectorOf, double value, double upperBound, String method) {}

  private final Instance in;
  /** [team][sector][slot]: detection share p·f. */
  private final double[][][] catchShare;

  public Planner(Instance in) {
    this.in = in;
    int t = in.teams().size();
    int s = in.sectors().size();
    catchShare = new double[t][s][SLOTS];
    for (int i = 0; i < t; i++) {
      Roster.Team team = in.teams().get(i);
      int base = in.sectors().indexOf(team.base());
      for (int k = 0; k < s; k++) {
        double travelH = base < 0 ? 0 : Math.abs(in.midKm()[k] - in.midKm()[base]) / team.mobility().kmh;
        double arrive = team.startH() + travelH;
        double p = Math.min(0.9, team.mobility().watchKm / Math.max(in.borderKm()[k], 0.1));
        for (int h = 0; h < SLOTS; h++) {
          double f = Math.max(0, Math.min(h + 1, team.endH()) - Math.max(h, arrive));
          catchShare[i][k][h] = p * Math.min(1, f);
        }
      }
    }
  }

  /** Travel hours from team t's base to sector k. */
  public double travelHours(int t, int k) {
    Roster.Team team = in.teams().get(t);
    int base = in.sectors().indexOf(team.base());
    return base < 0 ? 0 : Math.abs(in.midKm()[k] - in.midKm()[base]) / team.mobility().kmh;
  }

  /** Expected detections of a plan. */
  public double value(int[] sectorOf) {
    double v = 0;
    for (int k = 0; k < in.sectors().size(); k++) v += sectorValue(sectorOf, k);
    return v;
  }

  /** Expected detections in sector k. */
  public double sectorValue(int[] sectorOf, int k) {
    double v = 0;
    for (int h = 0; h < SLOTS; h++) {
      double miss = 1;
      for (int t = 0; t < sectorOf.length; t++) if (sectorOf[t] == k) miss *= 1 - catchShare[t][k][h];
      v += in.risk()[k][h] * (1 - miss);
    }
    return v;
  }

  /** Risk of sector k over the night (no team). */
  public double sectorRisk(int k) {
    return Arrays.stream(in.risk()[k]).sum();
  }

  /**
   * Greedy: add the (team, sector) pair with the largest gain until no team adds anything. The
   * upper bound on the optimum is the plan's value plus, for each team, its best single gain on
   * top of the plan (submodularity: the optimum adds at most one sector per team).
   */
  public Plan greedy() {
    int teams = in.teams().size();
    int[] plan = new int[teams];
    Arrays.fill(plan, -1);
    double value = 0;
    while (true) {
      int bestT = -1;
      int bestK = -1;
      double bestGain = 1e-12;
      for (int t = 0; t < teams; t++) {
        if (plan[t] >= 0) continue;
        for (int k = 0; k < in.sectors().size(); k++) {
          plan[t] = k;
          double gain = value(plan) - value;
          plan[t] = -1;
          if (gain > bestGain) {
            bestGain = gain;
            bestT = t;
            bestK = k;
          }
        }
      }
      if (bestT < 0) break;
      plan[bestT] = bestK;
      value += bestGain;
    }
    // Two bounds on the optimum, both valid; the tighter one is reported.
    double bound = Math.min(value / GREEDY_BOUND, value + marginalSum(plan, value));
    return new Plan(plan, value, bound, "greedy");
  }

  /** Σ over teams of the best gain of adding a copy of that team to any sector, on top of the plan. */
  private double marginalSum(int[] plan, double value) {
    double sum = 0;
    for (int t = 0; t < plan.length; t++) {
      double best = 0;
      for (int k = 0; k < in.sectors().size(); k++) {
        best = Math.max(best, valueWithExtra(plan, t, k) - value);
      }
      sum += best;
    }
    return sum;
  }

  /** Value of the plan with an extra copy of team t placed in sector k. */
  private double valueWithExtra(int[] plan, int t, int k) {
    double v = 0;
    for (int s = 0; s < in.sectors().size(); s++) {
      for (int h = 0; h < SLOTS; h++) {
        double miss = 1;
        for (int u = 0; u < plan.length; u++) if (plan[u] == s) miss *= 1 - catchShare[u][s][h];
        if (s == k) miss *= 1 - catchShare[t][k][h];
        v += in.risk()[s][h] * (1 - miss);
      }
    }
    return v;
  }

  /** Every assignment (each team to a sector or none): (sectors + 1)^teams plans. */
  public Plan exact() {
    int teams = in.teams().size();
    int choices = in.sectors().size() + 1;
    double combos = Math.pow(choices, teams);
    if (combos > 5e6) throw new IllegalStateException("too many assignments for the exact search: " + (long) combos);
    int[] plan = new int[teams];
    Arrays.fill(plan, -1);
    int[] best = plan.clone();
    double bestValue = 0;
    for (long c = 0; c < (long) combos; c++) {
      long r = c;
      for (int t = 0; t < teams; t++) {
        plan[t] = (int) (r % choices) - 1;
        r /= choices;
      }
      double v = value(plan);
      if (v > bestValue + 1e-12) {
        bestValue = v;
        best = plan.clone();
      }
    }
    return new Plan(best, bestValue, bestValue, "exact");
  }

  public Instance instance() {
    return in;
  }

  /** Team indices by sector, for the tables. */
  public List<List<Integer>> teamsBySector(int[] plan) {
    List<List<Integer>> out = new ArrayList<>();
    for (int k = 0; k < in.sectors().size(); k++) out.add(new ArrayList<>());
    for (int t = 0; t < plan.length; t++) if (plan[t] >= 0) out.get(plan[t]).add(t);
    return out;
  }
}
