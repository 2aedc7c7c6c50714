package io.watchline.cli;

import io.watchline.fixtures.months.MonthsScenario;
import io.watchline.fixtures.months.MonthsWriter;
import io.watchline.fixtures.months.PlantedChange;
import io.watchline.fixtures.sim.BorderLine;
import io.watchline.geo.context.BorderContext;
import io.watchline.geo.sector.Sector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Point;

/**
 * {@code simulate --planted-changes}: many nights at the level of nightly's outputs (incidents and
 * sector coverage per dated folder) with planted changes, for {@code archive} and {@code trends}.
 */
final class MonthsSimulate {
  /** Sectors are cut as nightly cuts them by default: every 10 km, 5 km each side. */
  static final double SECTOR_EVERY_M = 10_000;
  static final double SECTOR_BAND_M = 5_000;

  private MonthsSimulate() {}

  static MonthsScenario scenario(BorderLine line, long seed, LocalDate firstNight, int nights) {
    BorderContext ctx = BorderContext.of(line.line(), line.left(), line.right(), null, SECTOR_EVERY_M, SECTOR_BAND_M);
    List<MonthsScenario.SectorInput> sectors = ctx.sectors().stream().map(MonthsSimulate::input).toList();
    try {
      return MonthsScenario.draw(seed, firstNight, nights, sectors);
    } catch (IllegalArgumentException e) {
      throw new UserException("--planted-changes: " + e.getMessage());
    }
  }

  static String run(BorderLine line, long seed, LocalDate firstNight, int nights, Path out) throws IOException {
    MonthsScenario s = scenario(line, seed, firstNight, nights);
    long incidents = MonthsWriter.write(s, out);
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
        "simulate: %d nights, %d sectors, %,d incidents -> %s", nights, s.sectors().size(), incidents, out));
    for (PlantedChange c : s.changes()) {
      b.append("\n  planted ").append(c.kind()).append(" in ").append(c.sector()).append(" from ").append(c.start())
          .append(c.to() == null ? "" : " (to " + c.to() + ")");
    }
    return b.toString();
  }

  private static MonthsScenario.SectorInput input(Sector s) {
    Point c = s.polygon().getCentroid();
    return new MonthsScenario.SectorInput(s.id(), s.name(), s.sides(), s.borderLengthM() / 1000, c.getY(), c.getX());
  }
}
