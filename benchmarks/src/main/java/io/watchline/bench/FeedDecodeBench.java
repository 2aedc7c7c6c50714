package io.watchline.bench;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.RejectSink;
import io.watchline.feed.asterix.Cat048Writer;
import io.watchline.feed.cot.CotWriter;
import io.watchline.feed.gpx.GpxWriter;
import io.watchline.feed.nmea.NmeaWriter;
import io.watchline.feed.onvif.OnvifWriter;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decode throughput per feed format against the floor of only reading the same bytes, in the same
 * run. Each invocation reads one in-memory file of {@link #RECORDS} records, so the score is
 * records per second; MB/s = score x bytes per record (printed at setup). See benchmarks/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FeedDecodeBench {
  static final int RECORDS = 20_000;
  static final Site RADAR = new Site("RDR-01", SiteKind.RADAR, 42.3601, 19.6022, 8, 0, 360, 50, 12000, 25, 11, 0);
  static final Site CAMERA = new Site("TC-01", SiteKind.THERMAL, 42.05, 19.30, 12, 135, 40, 0, 3000, -1, -1, 0);
  static final SiteRegistry SITES = new SiteRegistry(List.of(RADAR, CAMERA));

  @Param({"asterix", "nmea", "gpx", "cot", "onvif", "csv"})
  public String format;

  byte[] data;
  FeedOptions options;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    data = generate(format, RECORDS);
    options = FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27)).withSensor(
        format.equals("onvif") ? "TC-01" : "PATROL-12");
    System.out.printf(Locale.ROOT, "%n[%s] %d records, %d bytes, %.1f bytes/record%n", format, RECORDS,
        data.length, data.length / (double) RECORDS);
  }

  /** Decodes the whole file into observations. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long decode(Blackhole bh) throws IOException {
    long n = 0;
    try (FeedReader r = Feeds.open(new ByteArrayInputStream(data), "bench", FeedFormat.AUTO, options, SITES,
        RejectSink.DISCARD)) {
      for (Observation o; (o = r.next()) != null; ) {
        bh.consume(o);
        n++;
      }
    }
    if (n != RECORDS) {
      throw new IllegalStateException(format + ": decoded " + n + " of " + RECORDS);
    }
    return n;
  }

  /** The floor: the same bytes through the same buffered stream, touching every byte. */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long readBytes() throws IOException {
    return readAll(data);
  }

  /** Every byte of {@code data} through a 64 KiB buffered stream, summed. */
  static long readAll(byte[] data) throws IOException {
    long sum = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = new BufferedInputStream(new ByteArrayInputStream(data), 1 << 16)) {
      for (int k; (k = in.read(buf)) > 0; ) {
        for (int i = 0; i < k; i++) {
          sum += buf[i];
        }
      }
    }
    return sum;
  }

  static byte[] generate(String format, int n) throws IOException {
    Random rnd = new Random(7);
    Instant start = Instant.parse("2026-11-27T22:00:00Z");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (format) {
      case "asterix" -> {
        try (Cat048Writer w = Cat048Writer.forSite(out, RADAR)) {
          for (int i = 0; i < n; i++) {
            w.write(start.plusMillis(i * 100L), 100 + rnd.nextDouble() * 11_000, rnd.nextDouble() * 360,
                rnd.nextInt(4096), rnd.nextDouble() * 20, rnd.nextDouble() * 360);
          }
        }
      }
      case "onvif" -> {
        try (OnvifWriter w = new OnvifWriter(out, CAMERA)) {
          for (int i = 0; i < n; i++) {
            w.write(Observation.builder(start.plusMillis(i * 100L), Kind.THERMAL).sensor("TC-01")
                .polar(Double.NaN, 120 + rnd.nextDouble() * 30).track("TC-01/" + rnd.nextInt(50))
                .cls("human").conf(0.8).build());
          }
        }
      }
      case "csv" -> {
        StringBuilder sb = new StringBuilder("t,sensor,range_m,bearing_deg,track,speed_mps,course_deg\n");
        for (int i = 0; i < n; i++) {
          sb.append(io.watchline.ndjson.IsoTime.format(start.plusMillis(i * 100L))).append(",RDR-01,")
              .append(String.format(Locale.ROOT, "%.1f,%.3f,%d,%.2f,%.1f%n", 100 + rnd.nextDouble() * 11_000,
                  rnd.nextDouble() * 360, rnd.nextInt(4096), rnd.nextDouble() * 20, rnd.nextDouble() * 360));
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
      default -> {
        NmeaWriter nmea = format.equals("nmea") ? new NmeaWriter(out) : null;
        GpxWriter gpx = format.equals("gpx") ? new GpxWriter(out, "PATROL-12") : null;
        CotWriter cot = format.equals("cot") ? new CotWriter(out) : null;
        double lat = 42.1;
        double lon = 19.4;
        for (int i = 0; i < n; i++) {
          lat += (rnd.nextDouble() - 0.5) * 1e-4;
          lon += (rnd.nextDouble() - 0.5) * 1e-4;
          Observation o = Observation.builder(start.plusMillis(i * 1000L), Kind.PATROL).unit("PATROL-12")
              .position(lat, lon).velocity(1.2, 45).build();
          if (nmea != null) {
            nmea.write(o);
          } else if (gpx != null) {
            gpx.write(o);
          } else {
            cot.write(o);
          }
        }
        if (nmea != null) {
          nmea.close();
        } else if (gpx != null) {
          gpx.close();
        } else {
          cot.close();
        }
      }
    }
    return out.toByteArray();
  }
}
