package io.watchline.bench;

import io.watchline.geo.coverage.Terrain;
import io.watchline.geo.coverage.Viewshed;
import io.watchline.geo.coverage.ViewshedParams;
import io.watchline.geo.coverage.Visibility;
import io.watchline.geo.dem.DemReader;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.dem.GridCrs;
import io.watchline.geo.proj.LocalProjection;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One viewshed, 15 km range on 30 m cells (a 1001 x 1001 window), by the GDAL-identical sweep
 * (the baseline) and by the ray method, on the real SRTM clip of Prokletije resampled into a local
 * metric grid and on the rough synthetic terrain of {@link ViewshedVsGdal}. Setup prints each
 * method's IoU against exact line of sight (R3) for the same observer. Time per viewshed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ViewshedBench {
  static final double CELL = 30;
  static final double RANGE = 15_000;

  @Param({"real", "rough"})
  public String terrain;

  ElevationGrid grid;
  int col;
  int row;
  ViewshedParams params;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    grid = terrain.equals("real") ? real() : rough(1100);
    col = grid.width() / 2;
    row = grid.height() / 2;
    params = ViewshedParams.of(10, 1.7, ViewshedParams.OPTICAL_CURVATURE, RANGE);
    Visibility exact = Viewshed.exact(grid, col, row, params);
    System.out.printf(Locale.ROOT, "%n[%s] %dx%d cells; IoU vs exact R3: rays %.4f, sweep %.4f (sweep sees %.1f%% of R3's cells)%n",
        terrain, grid.width(), grid.height(), iou(Viewshed.rays(grid, col, row, params), exact),
        iou(Viewshed.sweep(grid, col, row, params), exact),
        100.0 * Viewshed.sweep(grid, col, row, params).visibleCount() / exact.visibleCount());
  }

  @Benchmark
  public Visibility sweep() {
    return Viewshed.sweep(grid, col, row, params);
  }

  @Benchmark
  public Visibility rays() {
    return Viewshed.rays(grid, col, row, params);
  }

  /**
   * The same comparison by thread CPU time, the two methods interleaved and the best of 40 runs
   * each kept: on a shared machine JMH's wall-clock figures mostly measure the neighbours.
   * {@code java -cp benchmarks/target/benchmarks.jar io.watchline.bench.ViewshedBench [runs]}
   */
  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    for (String t : new String[] {"real", "rough"}) {
      ViewshedBench b = new ViewshedBench();
      b.terrain = t;
      b.setup();
      long sweep = Long.MAX_VALUE;
      long rays = Long.MAX_VALUE;
      for (int i = 0; i < runs; i++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        b.sweep();
        long t1 = cpu.getCurrentThreadCpuTime();
        b.rays();
        long t2 = cpu.getCurrentThreadCpuTime();
        sweep = Math.min(sweep, t1 - t0);
        rays = Math.min(rays, t2 - t1);
      }
      System.out.printf(Locale.ROOT, "[%s] CPU time, best of %d: sweep %.2f ms, rays %.2f ms, rays / sweep %.2f%n", t, runs,
          sweep / 1e6, rays / 1e6, (double) rays / sweep);
    }
  }

  /** The filled SRTM3 clip (19.60-20.00E, 42.40-42.70N) resampled to 30 m around its centre. */
  static ElevationGrid real() throws IOException {
    ElevationGrid dem = DemReader.read(GeoBenchData.repoFile(
        "fixtures/data/dem/clips/prokletije_MNE-ALB_srtm3_filled_19.60-20.00E_42.40-42.70N.tif"));
    LocalProjection proj = LocalProjection.centredOn(42.55, 19.80);
    int n = 1050;
    double half = n * CELL / 2;
    return Terrain.fromDem(dem, "clip", proj, -half, half, n, n, CELL).grid();
  }

  /** The terrain of {@link ViewshedVsGdal#writeDem}, n x n cells, in memory. */
  static ElevationGrid rough(int n) {
    float[] z = new float[n * n];
    double[][] waves = ViewshedVsGdal.waves();
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        z[r * n + c] = (float) ViewshedVsGdal.height(waves, c * CELL, r * CELL);
      }
    }
    return new ElevationGrid(n, n, 0, n * CELL, CELL, CELL, z, GridCrs.UNKNOWN_METRIC);
  }

  static double iou(Visibility a, Visibility b) {
    long both = 0;
    long either = 0;
    for (int r = b.row0(); r < b.row0() + b.height(); r++) {
      for (int c = b.col0(); c < b.col0() + b.width(); c++) {
        boolean x = a.visible(c, r);
        boolean y = b.visible(c, r);
        both += x && y ? 1 : 0;
        either += x || y ? 1 : 0;
      }
    }
    return (double) both / either;
  }
}
