package io.watchline.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.analytics.plan.Planner;
import io.watchline.analytics.plan.Roster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlannerTest {
  static Planner.Instance random(Random r, int sectors, int teams) {
    List<String> ids = new ArrayList<>();
    double[] km = new double[sectors];
    double[] mid = new double[sectors];
    double[][] risk = new double[sectors][Planner.SLOTS];
    double along = 0;
    for (int k = 0; k < sectors; k++) {
      ids.add(String.format(Locale.ROOT, "S-%02d", k + 1));
      km[k] = 4 + 12 * r.nextDouble();
      mid[k] = along + km[k] / 2;
      along += km[k];
      double level = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
      for (int h = 0; h < Planner.SLOTS; h++) risk[k][h] = level * r.nextDouble();
    }
    List<Roster.Team> roster = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      double start = r.nextInt(6);
      roster.add(new Roster.Team("T" + t, start, Math.min(Planner.SLOTS, start + 4 + r.nextInt(8)), ids.get(r.nextInt(sectors)),
          r.nextBoolean() ? Roster.Mobility.FOOT : Roster.Mobility.VEHICLE));
    }
    return new Planner.Instance(ids, km, mid, risk, roster);
  }

  @Test
  void greedyStaysWithinItsBoundOfTheExactOptimum() {
    Random r = new Random(16);
    int equal = 0;
    double worst = 1;
    int instances = 150;
    for (int i = 0; i < instances; i++) {
      Planner p = new Planner(random(r, 3 + r.nextInt(5), 1 + r.nextInt(4)));
      Planner.Plan g = p.greedy();
      Planner.Plan x = p.exact();
      assertThat(g.value()).as("instance %d", i).isLessThanOrEqualTo(x.value() + 1e-9);
      assertThat(g.value()).as("instance %d: greedy's 1/2 guarantee", i).isGreaterThanOrEqualTo(Planner.GREEDY_BOUND * x.value() - 1e-9);
      assertThat(x.value()).as("instance %d: the reported bound holds", i).isLessThanOrEqualTo(g.upperBound() + 1e-9);
      assertThat(p.value(g.sectorOf())).isEqualTo(g.value(), org.assertj.core.data.Offset.offset(1e-9));
      if (g.value() >= x.value() - 1e-9) equal++;
      if (x.value() > 0) worst = Math.min(worst, g.value() / x.value());
    }
    System.out.printf(Locale.ROOT, "greedy = exact on %d of %d instances; worst greedy/exact %.4f%n", equal, instances, worst);
    assertThat(equal).isGreaterThan(instances / 2);
  }

  @Test
  void bothTeamsGoWhereTheRiskIsAndTravelTimeCounts() {
    double[][] risk = new double[3][Planner.SLOTS];
    for (int h = 0; h < Planner.SLOTS; h++) risk[2][h] = 1;
    List<Roster.Team> teams = List.of(new Roster.Team("FOOT", 0, 12, "S-01", Roster.Mobility.FOOT),
        new Roster.Team("CAR", 0, 12, "S-01", Roster.Mobility.VEHICLE));
    Planner p = new Planner(new Planner.Instance(List.of("S-01", "S-02", "S-03"), new double[] {10, 10, 10},
        new double[] {5, 15, 25}, risk, teams));
    Planner.Plan g = p.greedy();
    assertThat(g.sectorOf()).containsExactly(2, 2);
    assertThat(g.value()).isEqualTo(p.exact().value(), org.assertj.core.data.Offset.offset(1e-9));
    // The foot team walks 20 km at 4 km/h: 5 of its 12 hours are spent getting there.
    assertThat(p.travelHours(0, 2)).isEqualTo(5.0);
  }
}
