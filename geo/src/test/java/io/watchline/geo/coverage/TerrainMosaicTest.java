package io.watchline.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.dem.GridCrs;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Terrain only where there is terrain: DEM mosaics, voids filled inside, no terrain data outside. */
class TerrainMosaicTest {
  static final long T0 = CoverageAnalysisTest.T0;
  static final long H = CoverageAnalysisTest.H;

  /** A flat geographic tile at sea level, 0.001 degree cells, with an optional void block near the border. */
  static ElevationGrid tile(double west, double east, boolean withVoid) {
    int w = (int) Math.round((east - west) / 0.001);
    int h = 400; // 42.2 .. 41.8
    float[] z = new float[w * h];
    Arrays.fill(z, 0f);
    if (withVoid) {
      for (int r = 185; r < 195; r++) {
        for (int c = 110; c < 125; c++) z[r * w + c] = Float.NaN;
      }
    }
    return new ElevationGrid(w, h, west, 42.2, 0.001, 0.001, z, GridCrs.WGS84);
  }

  static CoverageResult run(List<ElevationGrid> dems, boolean bareEarthOutside) {
    BorderContext ctx = CoverageAnalysisTest.context(); // 19.50 .. 19.60 at 42 N
    CoverageOptions o = CoverageOptions.defaults(T0, T0 + 4 * H).withCell(50, 50);
    // an all-round mast in the middle that sees the whole border over flat ground
    SensorSpec mast = CoverageAnalysisTest.mastNorthOfMiddle(500, 6000);
    GridFrame f = CoverageAnalysis.frameFor(ctx, List.of(mast), o.cellM(), 1000);
    Terrain t = Terrain.fromDems(dems, dems.stream().map(d -> "tile").toList(), ctx.projection(), f.west(), f.north(),
        f.width(), f.height(), o.cellM(), bareEarthOutside);
    return CoverageAnalysis.prepare(ctx, t, List.of(mast), o).finish(List.of());
  }

  static double km(CoverageResult r, java.util.function.ToDoubleFunction<SectorRow> f) {
    return r.sectors().stream().mapToDouble(f).sum();
  }

  @Test
  void twoTilesMakeOneMosaicWithItsVoidsFilled() {
    CoverageResult r = run(List.of(tile(19.40, 19.55, true), tile(19.55, 19.70, false)), false);
    assertThat(r.terrain().outsideFraction()).isZero();
    assertThat(r.terrain().filledFraction()).as("the void block, 1.2 x 1.1 km of the frame").isBetween(0.005, 0.1);
    assertThat(km(r, SectorRow::sensorKm)).isCloseTo(km(r, SectorRow::borderKm), within(1e-9));
    assertThat(km(r, SectorRow::noTerrainKm)).isZero();
  }

  @Test
  void cellsOutsideEveryTileAreNeverSeenUnlessBareEarthIsAskedFor() {
    // the western tile alone ends at 19.55: the eastern half of the border has no terrain data
    CoverageResult r = run(List.of(tile(19.40, 19.55, false)), false);
    double border = km(r, SectorRow::borderKm);
    assertThat(r.terrain().outsideFraction()).isBetween(0.3, 0.7);
    assertThat(km(r, SectorRow::noTerrainKm)).isCloseTo(border / 2, within(0.1));
    assertThat(km(r, SectorRow::sensorKm)).isCloseTo(border / 2, within(0.1));
    assertThat(r.notes()).anyMatch(n -> n.startsWith("NO TERRAIN DATA"));
    for (CoverageResult.BorderSample s : r.samples()) {
      if (s.lon() > 19.551) {
        assertThat(s.sensorSeen()).as("east of the tile at %f", s.lon()).isFalse();
      }
    }
    CoverageResult bare = run(List.of(tile(19.40, 19.55, false)), true);
    assertThat(km(bare, SectorRow::sensorKm)).isCloseTo(border, within(1e-9));
    assertThat(km(bare, SectorRow::noTerrainKm)).isZero();
  }
}
