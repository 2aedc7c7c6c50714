package io.watchline.bench;

import io.watchline.feed.FeedReader;
import io.watchline.feed.RejectSink;
import io.watchline.fusion.FusionConfig;
import io.watchline.fusion.FusionEngine;
import io.watchline.fusion.TrackSink;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * End-to-end throughput of {@code fuse} against its floor, in one JVM run: the floor is reading and
 * parsing the same NDJSON file into observations and doing nothing with them; the fuse run reads
 * the same file through the time merge into the fusion engine. Reports observations per second of
 * both, their ratio, and the peak heap after collections (memory must stay flat with input size).
 *
 * <p>Run: {@code java -Xmx512m -cp benchmarks/target/benchmarks.jar io.watchline.bench.FuseThroughput [N] [FILE]}
 */
public final class FuseThroughput {
  public static void main(String[] args) throws IOException {
    long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
    Path file = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir") + "/watchline-bench/fuse-" + n + ".ndjson");
    if (!Files.exists(file)) {
      long t0 = System.nanoTime();
      SyntheticFeed.write(file, n, 42);
      System.err.printf(Locale.ROOT, "generated %s (%d MB) in %.1f s%n", file, Files.size(file) >> 20, (System.nanoTime() - t0) / 1e9);
    }
    System.out.printf(Locale.ROOT, "input: %s, %d MB, max heap %d MB%n", file, Files.size(file) >> 20, Runtime.getRuntime().maxMemory() >> 20);
    if (Integer.getInteger("pipeline", 0) > 0) { // one pipeline run only, e.g. under a profiler
      pipeline(file, Integer.getInteger("pipeline"));
      return;
    }
    double bestFloor = 0, bestFuse = 0;
    for (int round = 1; round <= 2; round++) {
      double floor = floor(file);
      double fuse = fuse(file, false);
      bestFloor = Math.max(bestFloor, floor);
      bestFuse = Math.max(bestFuse, fuse);
    }
    System.out.printf(Locale.ROOT, "best (cpu time): read floor %.0f obs/s, fuse %.0f obs/s, fuse/floor = %.2f%n", bestFloor, bestFuse, bestFuse / bestFloor);
    if (Boolean.getBoolean("threads")) {
      // fuse --threads 1 against --threads 2, the whole pipeline (decode threads, routing, merge)
      double[] one = {0, 0}, two = {0, 0};
      for (int round = 1; round <= 2; round++) {
        double[] a = pipeline(file, 1), b = pipeline(file, 2);
        one = new double[] {Math.max(one[0], a[0]), Math.max(one[1], a[1])};
        two = new double[] {Math.max(two[0], b[0]), Math.max(two[1], b[1])};
      }
      System.out.printf(Locale.ROOT, "best: threads 1 %.0f obs/s wall, %.0f obs/s cpu; threads 2 %.0f obs/s wall, %.0f obs/s cpu;"
          + " 2/1 = %.2f (wall), %.2f (cpu)%n", one[0], one[1], two[0], two[1], two[0] / one[0], two[1] / one[1]);
    }
    // An untimed third run measures what fusion really keeps: heap in use right after a full
    // collection, sampled every 1M observations (the old-generation figure includes garbage that
    // no full collection has cleared yet).
    fuse(file, true);
    System.out.printf(Locale.ROOT, "peak live heap (after a full GC, every 1M observations): %d MB%n", peakLiveBytes >> 20);
    System.out.printf(Locale.ROOT, "peak old generation after GC (includes uncollected garbage): %d MB%n", peakOldGenMb());
  }

  static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Bytes this thread has allocated so far (a figure the machine's load does not move). */
  static long allocated() {
    return ((com.sun.management.ThreadMXBean) THREADS).getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** Observations per second of this thread's CPU time (the machine may be shared; wall time is printed too). */
  static double floor(Path file) throws IOException {
    long t0 = System.nanoTime(), c0 = THREADS.getCurrentThreadCpuTime(), a0 = allocated(), count = 0;
    try (InputStream in = Files.newInputStream(file);
        NdjsonObservationReader r = new NdjsonObservationReader(in, file.toString(), RejectSink.DISCARD)) {
      while (r.next() != null) count++;
    }
    double s = (System.nanoTime() - t0) / 1e9, cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
    System.out.printf(Locale.ROOT, "read floor: %d observations, wall %.1f s, cpu %.1f s = %.0f obs/s (cpu), %d B allocated per observation%n",
        count, s, cpu, count / cpu, (allocated() - a0) / Math.max(1, count));
    return count / cpu;
  }

  static long peakLiveBytes;

  /**
   * The fuse pipeline on N threads (inputs decoded on their own thread when N > 1, as {@code fuse}
   * does): observations per second of wall time and of the process's CPU time.
   */
  static double[] pipeline(Path file, int threads) throws IOException {
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t0 = System.nanoTime(), c0 = os.getProcessCpuTime();
    long[] incidents = {0};
    FeedReader reader = threads > 1
        ? io.watchline.feed.PrefetchReader.start("bench", s -> new NdjsonObservationReader(Files.newInputStream(file), file.toString(), s),
            RejectSink.DISCARD)
        : new NdjsonObservationReader(Files.newInputStream(file), file.toString(), RejectSink.DISCARD);
    io.watchline.fusion.FusionPipeline.Result r = new io.watchline.fusion.FusionPipeline(SyntheticFeed.BORDER, SyntheticFeed.sites())
        .threads(threads).run(List.of(reader), RejectSink.DISCARD, i -> incidents[0]++);
    long count = reader.stats().accepted();
    double s = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
    System.out.printf(Locale.ROOT, "fuse --threads %d: %d observations, wall %.1f s = %.0f obs/s, process cpu %.1f s = %.0f obs/s;"
        + " %d incidents%n", threads, count, s, count / s, cpu, count / cpu, incidents[0]);
    return new double[] {count / s, count / cpu};
  }

  static double fuse(Path file, boolean sampleLive) throws IOException {
    long t0 = System.nanoTime(), c0 = THREADS.getCurrentThreadCpuTime(), a0 = allocated(), count = 0;
    int maxLive = 0, maxHeld = 0;
    long[] incidents = {0};
    FusionEngine e = new FusionEngine(SyntheticFeed.BORDER, SyntheticFeed.sites(), FusionConfig.defaults(), TrackSink.NONE,
        0.5, i -> incidents[0]++);
    try (InputStream in = Files.newInputStream(file);
        TimeMerge m = new TimeMerge(List.<FeedReader>of(new NdjsonObservationReader(in, file.toString(), RejectSink.DISCARD)), RejectSink.DISCARD, 30_000, 1_000_000)) {
      Observation o;
      while ((o = m.next()) != null) {
        e.accept(o);
        if (++count % 100_000 == 0) {
          maxLive = Math.max(maxLive, e.liveTracks());
          maxHeld = Math.max(maxHeld, e.heldCandidates());
          if (sampleLive && count % 1_000_000 == 0) {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            peakLiveBytes = Math.max(peakLiveBytes, rt.totalMemory() - rt.freeMemory());
          }
        }
      }
      e.finish();
    }
    double s = (System.nanoTime() - t0) / 1e9, cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
    long bytes = (allocated() - a0) / Math.max(1, count);
    System.out.printf(Locale.ROOT, "fuse: %d observations, wall %.1f s, cpu %.1f s = %.0f obs/s (cpu), %d B allocated per observation;"
        + " %d incidents, at most %d live tracks and %d candidates held; %s%n",
        count, s, cpu, count / cpu, bytes, incidents[0], maxLive, maxHeld, e.stats().summary());
    return count / cpu;
  }

  static long peakOldGenMb() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getName().toLowerCase(Locale.ROOT).contains("old") && p.getCollectionUsage() != null) {
        peak = Math.max(peak, p.getCollectionUsage().getUsed());
      }
    }
    return peak >> 20;
  }
}
