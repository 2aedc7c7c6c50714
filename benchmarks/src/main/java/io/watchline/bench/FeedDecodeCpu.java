package io.watchline.bench;

import com.sun.management.ThreadMXBean;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.RejectSink;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link FeedDecodeBench}'s decode/floor ratio by the thread's CPU time instead of wall time: on a
 * machine shared with other builds, wall-clock JMH scores swing by several times between
 * iterations, while the best of many CPU-timed passes moves little. Same files, same decode and
 * floor loops as the JMH benchmark. Arguments: formats (default asterix nmea csv).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.watchline.bench.FeedDecodeCpu asterix nmea csv</pre>
 */
public final class FeedDecodeCpu {
  static final int ROUNDS = 15;
  static final ThreadMXBean MX = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws IOException {
    String[] formats = args.length > 0 ? args : new String[] {"asterix", "nmea", "csv"};
    System.out.printf(Locale.ROOT, "%-8s %14s %14s %10s %12s %8s%n", "format", "decode ns/rec", "floor ns/rec",
        "ratio", "B/rec", "load");
    System.out.printf(Locale.ROOT, "%-8s %7.0f ns per placement (Site.place, within 1 mm of Direct), best of %d%n",
        "place", placement(false), ROUNDS);
    System.out.printf(Locale.ROOT, "%-8s %7.0f ns per exact placement (GeographicLib's Direct), best of %d%n",
        "direct", placement(true), ROUNDS);
    for (String format : formats) {
      byte[] data = FeedDecodeBench.generate(format, FeedDecodeBench.RECORDS);
      FeedOptions options = FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27))
          .withSensor(format.equals("onvif") ? "TC-01" : "PATROL-12");
      long until = System.nanoTime() + 3_000_000_000L; // warm both loops up
      while (System.nanoTime() < until) {
        decode(data, options);
        FeedDecodeBench.readAll(data);
      }
      double[] dec = new double[ROUNDS];
      double[] flo = new double[ROUNDS];
      long bytes = 0;
      for (int r = 0; r < ROUNDS; r++) {
        long a0 = MX.getCurrentThreadAllocatedBytes();
        long t0 = MX.getCurrentThreadCpuTime();
        decode(data, options);
        long t1 = MX.getCurrentThreadCpuTime();
        bytes = MX.getCurrentThreadAllocatedBytes() - a0;
        int passes = 0;
        long t2 = MX.getCurrentThreadCpuTime();
        long t3;
        do { // enough floor passes for a CPU-clock reading well above its resolution
          FeedDecodeBench.readAll(data);
          passes++;
          t3 = MX.getCurrentThreadCpuTime();
        } while (t3 - t2 < 20_000_000L);
        dec[r] = (t1 - t0) / (double) FeedDecodeBench.RECORDS;
        flo[r] = (t3 - t2) / (double) passes / FeedDecodeBench.RECORDS;
      }
      Arrays.sort(dec);
      Arrays.sort(flo);
      System.out.printf(Locale.ROOT, "%-8s %7.0f (%5.0f) %7.1f (%5.1f) %5.1f %% %12.0f %8.1f%n", format, dec[0],
          dec[ROUNDS / 2], flo[0], flo[ROUNDS / 2], 100 * flo[0] / dec[0], bytes / (double) FeedDecodeBench.RECORDS,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
    System.out.println("ns/rec: best of " + ROUNDS + " CPU-timed passes (median); ratio = floor / decode, best of each");
  }

  /**
   * CPU ns of one {@code Site.place}, the placement every CAT048 plot and every polar CSV row needs,
   * or with {@code exact} of GeographicLib's Direct that it replaced.
   */
  static double placement(boolean exact) {
    Site site = FeedDecodeBench.RADAR;
    java.util.Random rnd = new java.util.Random(7);
    double[] range = new double[FeedDecodeBench.RECORDS];
    double[] bearing = new double[FeedDecodeBench.RECORDS];
    for (int i = 0; i < range.length; i++) {
      range[i] = 100 + rnd.nextDouble() * 11_000;
      bearing[i] = rnd.nextInt(65536) * 360.0 / 65536.0;
    }
    double best = Double.MAX_VALUE;
    double sink = 0;
    for (int r = 0; r < ROUNDS * 4; r++) { // the first rounds warm up
      long t0 = MX.getCurrentThreadCpuTime();
      for (int i = 0; i < range.length; i++) {
        sink += exact ? Geodesy.direct(site.lat(), site.lon(), bearing[i], range[i]).lat()
            : site.place(range[i], bearing[i]).lat();
      }
      best = Math.min(best, (MX.getCurrentThreadCpuTime() - t0) / (double) range.length);
    }
    return sink == 0 ? -1 : best;
  }

  static long decode(byte[] data, FeedOptions options) throws IOException {
    long n = 0;
    try (FeedReader r = Feeds.open(new ByteArrayInputStream(data), "bench", FeedFormat.AUTO, options,
        FeedDecodeBench.SITES, RejectSink.DISCARD)) {
      for (Observation o; (o = r.next()) != null; ) {
        n += o.seq() & 1;
      }
    }
    return n;
  }

}
