package io.watchline.bench;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.asterix.Cat048Writer;
import io.watchline.feed.nmea.NmeaWriter;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * End-to-end {@code ingest} throughput on a large simulated feed file: the same library path as
 * the command (Feeds.open, reader, NDJSON writer) into a byte-counting sink, against the floor of
 * reading the file's bytes, in the same JVM run. Reports records/s, MB/s, the ratio, and the peak
 * heap seen (run it with a small -Xmx to show the memory stays flat).
 *
 * <pre>java -Xmx128m -cp benchmarks/target/benchmarks.jar io.watchline.bench.IngestThroughput 10000000 asterix /tmp</pre>
 */
public final class IngestThroughput {
  private IngestThroughput() {}

  public static void main(String[] args) throws IOException {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    String format = args.length > 1 ? args[1] : "asterix";
    Path dir = Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"));
    Path file = dir.resolve("watchline-ingest-" + format + "-" + n + (format.equals("asterix") ? ".ast" : ".nmea"));
    if (!Files.exists(file) || Files.size(file) == 0) {
      generate(file, format, n);
    }
    long bytes = Files.size(file);
    System.out.printf(Locale.ROOT, "%s: %d records, %.1f MB%n", file, n, bytes / 1e6);
    FeedOptions options = FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27)).withSensor("PATROL-12");
    double floorBest = 0;
    double ingestBest = 0;
    for (int round = 1; round <= 3; round++) {
      long t0 = System.nanoTime();
      long sum = readBytes(file);
      double floor = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      long[] counts = ingest(file, options);
      double ingest = (System.nanoTime() - t1) / 1e9;
      if (counts[0] != n) {
        throw new IllegalStateException("ingested " + counts[0] + " of " + n + " (checksum " + sum + ")");
      }
      floorBest = Math.max(floorBest, n / floor);
      ingestBest = Math.max(ingestBest, n / ingest);
      System.out.printf(Locale.ROOT, "round %d: floor %.2f s, ingest %.2f s (%d NDJSON bytes), peak heap %d MB%n",
          round, floor, ingest, counts[1], peakHeapMb());
    }
    System.out.printf(Locale.ROOT,
        "best: ingest %.0f records/s (%.1f MB/s in); floor %.0f records/s (%.1f MB/s); ingest/floor %.3f%n",
        ingestBest, ingestBest * bytes / n / 1e6, floorBest, floorBest * bytes / n / 1e6, ingestBest / floorBest);
  }

  static long peakMb;

  static long peakHeapMb() {
    Runtime r = Runtime.getRuntime();
    peakMb = Math.max(peakMb, (r.totalMemory() - r.freeMemory()) >> 20);
    return peakMb;
  }

  static long readBytes(Path file) throws IOException {
    long sum = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      for (int k; (k = in.read(buf)) > 0; ) {
        for (int i = 0; i < k; i++) {
          sum += buf[i];
        }
      }
    }
    return sum;
  }

  /** Returns {observations, NDJSON bytes}. */
  static long[] ingest(Path file, FeedOptions options) throws IOException {
    long[] bytesOut = {0};
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {
        bytesOut[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytesOut[0] += len;
      }
    };
    long count = 0;
    try (FeedReader r = Feeds.open(file, FeedFormat.AUTO, options, FeedDecodeBench.SITES, rj -> { });
        NdjsonWriter w = new NdjsonWriter(new BufferedOutputStream(sink, 1 << 16), true)) {
      for (Observation o; (o = r.next()) != null; ) {
        w.write(o);
        if ((++count & 0xfffff) == 0) {
          peakHeapMb();
        }
      }
    }
    return new long[] {count, bytesOut[0]};
  }

  static void generate(Path file, String format, long n) throws IOException {
    Random rnd = new Random(7);
    Instant start = Instant.parse("2026-11-27T18:00:00Z");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      if (format.equals("asterix")) {
        Cat048Writer w = Cat048Writer.forSite(out, FeedDecodeBench.RADAR);
        for (long i = 0; i < n; i++) {
          // 10^7 plots over 12 h: the night runs through midnight
          w.write(start.plusNanos(i * 4_320_000L), 100 + rnd.nextDouble() * 11_000, rnd.nextDouble() * 360,
              rnd.nextInt(4096), rnd.nextDouble() * 20, rnd.nextDouble() * 360);
        }
        w.flush();
      } else {
        NmeaWriter w = new NmeaWriter(out);
        double lat = 42.1;
        double lon = 19.4;
        for (long i = 0; i < n; i++) {
          lat += (rnd.nextDouble() - 0.5) * 1e-5;
          lon += (rnd.nextDouble() - 0.5) * 1e-5;
          w.write(Observation.builder(start.plusMillis(i * 100), Kind.PATROL).unit("PATROL-12")
              .position(lat, lon).velocity(1.2, 45).build());
        }
        w.flush();
      }
    }
  }
}
