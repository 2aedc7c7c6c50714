package io.watchline.bench;

import io.watchline.geo.coverage.Viewshed;
import io.watchline.geo.coverage.ViewshedParams;
import io.watchline.geo.coverage.Visibility;
import io.watchline.geo.dem.DemReader;
import io.watchline.geo.dem.ElevationGrid;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;

/**
 * End-to-end viewshed harness: 1 and 20 sites with a 15 km range on a 4000x4000 DEM of 30 m cells
 * (GeoTIFF, UTM 34N), DEM load included, against {@code gdal_viewshed} on the same file in the same
 * run when GDAL is installed. Reports medians and the ratio Java / GDAL.
 *
 * <pre>
 * mvn -B -q -DskipTests package -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar io.watchline.bench.ViewshedVsGdal [runs=3] [dir=/tmp/watchline-bench]
 * </pre>
 */
public final class ViewshedVsGdal {
  static final int N = 4000;
  static final double CELL = 30;
  static final double WEST = 300_000;
  static final double NORTH = 4_800_000;
  static final double RANGE = 15_000;
  static final double MAST = 10;
  static final double TARGET = 1.7;

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/watchline-bench");
    Files.createDirectories(dir);
    Path dem = dir.resolve("dem-4000x4000-30m.tif");
    if (!Files.exists(dem)) {
      System.err.println("writing " + dem);
      writeDem(dem);
    }
    int[][] sites = sites(20);
    boolean gdal = gdalAvailable();
    System.out.printf(Locale.ROOT, "DEM %dx%d cells of %.0f m, range %.0f m, mast %.0f m, target %.1f m, %d cores, %d runs (median)%n",
        N, N, CELL, RANGE, MAST, TARGET, Runtime.getRuntime().availableProcessors(), runs);

    // warm-up: one full pass so the JIT has compiled the sweep
    java(dem, sites, 20);
    double[] j1 = new double[runs];
    double[] j20 = new double[runs];
    double[] g1 = new double[runs];
    double[] g20 = new double[runs];
    for (int r = 0; r < runs; r++) {
      j1[r] = java(dem, sites, 1);
      j20[r] = java(dem, sites, 20);
      if (gdal) {
        g1[r] = gdal(dem, dir, sites, 1);
        g20[r] = gdal(dem, dir, sites, 20);
      }
    }
    System.out.printf(Locale.ROOT, "watchline  1 site : %7.3f s (DEM load + sweep)%n", median(j1));
    System.out.printf(Locale.ROOT, "watchline 20 sites: %7.3f s (DEM load + 20 sweeps in parallel + merge)%n", median(j20));
    if (gdal) {
      System.out.printf(Locale.ROOT, "gdal_viewshed  1 run : %7.3f s%n", median(g1));
      System.out.printf(Locale.ROOT, "gdal_viewshed 20 runs: %7.3f s (sequential processes)%n", median(g20));
      System.out.printf(Locale.ROOT, "ratio watchline/gdal: 1 site %.3f, 20 sites %.3f (target < 0.5)%n",
          median(j1) / median(g1), median(j20) / median(g20));
      agreement(dem, dir, sites[0]);
    } else {
      System.out.println("gdal_viewshed not on PATH: no GDAL baseline (apt-get install gdal-bin)");
    }
  }

  /** Loads the DEM and computes the union of the first k sites' viewsheds; seconds. */
  static double java(Path dem, int[][] sites, int k) throws IOException {
    long t0 = System.nanoTime();
    ElevationGrid g = DemReader.read(dem);
    ViewshedParams p = ViewshedParams.of(MAST, TARGET, ViewshedParams.OPTICAL_CURVATURE, RANGE);
    List<Visibility> parts = Arrays.stream(sites, 0, k).parallel().map(s -> Viewshed.sweep(g, s[0], s[1], p)).toList();
    byte[] seen = new byte[g.width() * g.height()];
    long visible = 0;
    for (Visibility v : parts) {
      for (int r = 0; r < v.height(); r++) {
        for (int c = 0; c < v.width(); c++) {
          if (v.visible(v.col0() + c, v.row0() + r)) {
            int i = (v.row0() + r) * g.width() + v.col0() + c;
            visible += seen[i] == 0 ? 1 : 0;
            seen[i] = 1;
          }
        }
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (visible == 0) {
      throw new IllegalStateException("nothing visible");
    }
    return s;
  }

  /** Plane waves at six scales, three directions each (seeded). */
  static double[][] waves() {
    Random rnd = new Random(4000);
    int octaves = 6;
    double[][] waves = new double[octaves * 3][];
    for (int i = 0; i < waves.length; i++) {
      double scale = 60_000 / Math.pow(2.1, i / 3);
      double ang = rnd.nextDouble() * Math.PI;
      waves[i] = new double[] {Math.cos(ang) / scale * 2 * Math.PI, Math.sin(ang) / scale * 2 * Math.PI,
          rnd.nextDouble() * 6.28, 600 / Math.pow(1.9, i / 3)};
    }
    return waves;
  }

  static double height(double[][] waves, double x, double y) {
    double z = 1200;
    for (double[] w : waves) {
      z += w[3] * Math.sin(w[0] * x + w[1] * y + w[2]);
    }
    return z;
  }

  static double gdal(Path dem, Path dir, int[][] sites, int k) throws Exception {
    long t0 = System.nanoTime();
    for (int i = 0; i < k; i++) {
      runGdal(dem, dir.resolve("gdal-" + i + ".tif"), sites[i]);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static void runGdal(Path dem, Path out, int[] site) throws Exception {
    Files.deleteIfExists(out);
    double x = WEST + (site[0] + 0.25) * CELL;
    double y = NORTH - (site[1] + 0.25) * CELL;
    Process p = new ProcessBuilder("gdal_viewshed", "-q", "-oz", fmt(MAST), "-tz", fmt(TARGET), "-cc", "0.85714",
        "-md", fmt(RANGE), "-ox", fmt(x), "-oy", fmt(y), dem.toString(), out.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("gdal_viewshed failed for site " + Arrays.toString(site));
    }
  }

  /** Sanity check in the same run: the first site's visible cells against GDAL's. */
  static void agreement(Path dem, Path dir, int[] site) throws Exception {
    ElevationGrid g = DemReader.read(dem);
    Visibility v = Viewshed.sweep(g, site[0], site[1], ViewshedParams.of(MAST, TARGET, ViewshedParams.OPTICAL_CURVATURE, RANGE));
    Path out = dir.resolve("gdal-check.tif");
    runGdal(dem, out, site);
    ElevationGrid ref = DemReader.read(out);
    long both = 0, either = 0;
    for (int r = 0; r < ref.height(); r++) {
      for (int c = 0; c < ref.width(); c++) {
        int col = g.colOf(ref.centerX(c));
        int row = g.rowOf(ref.centerY(r));
        if (Math.hypot((col - site[0]) * CELL, (row - site[1]) * CELL) > RANGE) continue;
        boolean a = ref.get(c, r) == 255f;
        boolean b = v.visible(col, row);
        both += a && b ? 1 : 0;
        either += a || b ? 1 : 0;
      }
    }
    System.out.printf(Locale.ROOT, "agreement with gdal_viewshed on site 1: IoU %.4f over %d visible cells%n",
        (double) both / either, either);
  }

  /** Twenty observers spread over the DEM, each with its full 15 km disk inside it. */
  static int[][] sites(int k) {
    Random rnd = new Random(20);
    int margin = (int) Math.ceil(RANGE / CELL) + 2;
    int[][] s = new int[k][];
    for (int i = 0; i < k; i++) {
      s[i] = new int[] {margin + rnd.nextInt(N - 2 * margin), margin + rnd.nextInt(N - 2 * margin)};
    }
    return s;
  }

  /** Deterministic rough terrain: ridges at several scales plus hills, 200..2400 m. */
  static void writeDem(Path file) throws IOException {
    double[][] waves = waves();
    Rasters rasters = new Rasters(N, N, 1, FieldType.FLOAT);
    for (int r = 0; r < N; r++) {
      for (int c = 0; c < N; c++) {
        rasters.setFirstPixelSample(c, r, (float) height(waves, c * CELL, r * CELL));
      }
    }
    FileDirectory d = new FileDirectory();
    d.setImageWidth(N);
    d.setImageHeight(N);
    d.setBitsPerSample(32);
    d.setCompression(TiffConstants.COMPRESSION_NO);
    d.setPhotometricInterpretation(TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
    d.setSamplesPerPixel(1);
    d.setRowsPerStrip(rasters.calculateRowsPerStrip(TiffConstants.PLANAR_CONFIGURATION_CHUNKY));
    d.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_CHUNKY);
    d.setSampleFormat(TiffConstants.SAMPLE_FORMAT_FLOAT);
    d.setWriteRasters(rasters);
    d.setModelPixelScale(List.of(CELL, CELL, 0.0));
    d.setModelTiepoint(List.of(0.0, 0.0, 0.0, WEST, NORTH, 0.0));
    // GeoKeys: projected model, pixel is area, EPSG:32634 (UTM 34N)
    List<Integer> keys = new ArrayList<>(List.of(1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32634));
    d.addEntry(new FileDirectoryEntry(FieldTagType.GeoKeyDirectory, FieldType.SHORT, keys.size(), keys));
    TiffWriter.writeTiff(new File(file.toString()), new TIFFImage(d));
  }

  static boolean gdalAvailable() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "gdal_viewshed"))) {
        return true;
      }
    }
    return false;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
