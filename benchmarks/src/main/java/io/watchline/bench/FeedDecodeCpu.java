package io.watchline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link FeedDecodeBench}'s decode / floor ratio by thread CPU time, for a machine too busy for
 * wall-clock scores: decode and floor alternate in one thread (nine rounds of 0.3 s CPU each, after
 * 4 s of warm-up), so both see the same caches and clock, and time spent waiting for a core is not
 * counted. Prints the median ratio and its range per format.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.watchline.bench.FeedDecodeCpu gpx cot onvif}
 */
public final class FeedDecodeCpu {
  private static final int ROUNDS = 9;

  public static void main(String[] formats) throws IOException {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Blackhole bh = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    for (String format : formats) {
      FeedDecodeBench b = new FeedDecodeBench();
      b.format = format;
      b.setup();
      long warm = System.nanoTime() + 4_000_000_000L;
      while (System.nanoTime() < warm) {
        b.decode(bh);
        b.readBytes();
      }
      double[] ratio = new double[ROUNDS];
      double[] decodeNs = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        int n = 0;
        while (cpu.getCurrentThreadCpuTime() - t0 < 300_000_000L) {
          b.decode(bh);
          n++;
        }
        decodeNs[r] = (cpu.getCurrentThreadCpuTime() - t0) / (double) n / FeedDecodeBench.RECORDS;
        long t1 = cpu.getCurrentThreadCpuTime();
        int m = 0;
        while (cpu.getCurrentThreadCpuTime() - t1 < 300_000_000L) {
          bh.consume(b.readBytes());
          m++;
        }
        double floorNs = (cpu.getCurrentThreadCpuTime() - t1) / (double) m / FeedDecodeBench.RECORDS;
        ratio[r] = floorNs / decodeNs[r];
      }
      Arrays.sort(ratio);
      Arrays.sort(decodeNs);
      System.out.printf(Locale.ROOT, "%-8s decode %,.0f ns/record CPU; decode/floor %.1f %% (median of %d, range %.1f–%.1f %%)%n",
          format, decodeNs[ROUNDS / 2], 100 * ratio[ROUNDS / 2], ROUNDS, 100 * ratio[0], 100 * ratio[ROUNDS - 1]);
    }
  }
}
