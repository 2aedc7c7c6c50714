package io.watchline.fusion.bluforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link PatrolPositions#nearest} skips units whose fixes all lie too far away; it must still name
 * the unit (first in name order on ties) and distance that asking every unit gives.
 */
class PatrolNearestPropertyTest {
  private static final long GAP = 60_000, MEMORY = 300_000;
  private static final double DRIFT = 1.2;

  @Test
  void theNearestUnitIsTheOneEveryUnitAskedInTurnGives() {
    Random rnd = new Random(20);
    for (int night = 0; night < 40; night++) {
      PatrolPositions p = new PatrolPositions(600_000, GAP, MEMORY, DRIFT);
      TreeMap<String, List<double[]>> fixes = new TreeMap<>();
      int units = 1 + rnd.nextInt(12);
      for (int u = 0; u < units; u++) {
        String name = "U" + rnd.nextInt(20);
        double x = rnd.nextDouble() * 20_000, y = rnd.nextDouble() * 4_000;
        long t = rnd.nextInt(100_000);
        List<double[]> list = fixes.computeIfAbsent(name, k -> new ArrayList<>());
        if (!list.isEmpty()) t = (long) list.get(list.size() - 1)[0] + 1;
        for (int k = 0; k < 40; k++) {
          t += rnd.nextInt(10) < 8 ? 5_000 + rnd.nextInt(5_000) : 150_000; // now and then a long silence
          x += rnd.nextGaussian() * 30;
          y += rnd.nextGaussian() * 30;
          p.add(name, t, x, y);
          list.add(new double[] {t, x, y});
        }
      }
      for (int q = 0; q < 300; q++) {
        long t = rnd.nextInt(2_500_000);
        double x = rnd.nextDouble() * 24_000 - 2_000, y = rnd.nextDouble() * 6_000 - 1_000;
        if (q % 50 == 0) x = fixes.firstEntry().getValue().get(0)[1]; // now and then right on a fix
        PatrolPositions.Nearest got = p.nearest(t, x, y);
        String bestUnit = null;
        double bestD = 0;
        for (var e : fixes.entrySet()) {
          double d = distance(p, e.getKey(), e.getValue(), t, x, y);
          if (!Double.isNaN(d) && (bestUnit == null || d < bestD)) {
            bestUnit = e.getKey();
            bestD = d;
          }
        }
        if (bestUnit == null) {
          assertThat(got).isNull();
        } else {
          assertThat(got).isEqualTo(new PatrolPositions.Nearest(bestUnit, bestD));
        }
      }
    }
  }

  /** The unit's interpolated distance, or its last fix's less the drift allowance while remembered; NaN when neither. */
  private static double distance(PatrolPositions p, String unit, List<double[]> fixes, long t, double x, double y) {
    PatrolPositions.Fix f = p.positionAt(unit, t);
    if (f != null) return Math.max(0, Math.sqrt((f.x() - x) * (f.x() - x) + (f.y() - y) * (f.y() - y)));
    double[] last = null;
    for (double[] fix : fixes) {
      if (fix[0] <= t) last = fix;
    }
    if (last == null || t - last[0] > MEMORY) return Double.NaN;
    double allowance = DRIFT * (t - (long) last[0] - GAP) / 1000.0;
    double dx = last[1] - x, dy = last[2] - y;
    return Math.max(0, Math.sqrt(dx * dx + dy * dy) - allowance);
  }
}
