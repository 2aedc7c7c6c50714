package io.watchline.bench;

import io.watchline.fusion.border.BorderView;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A long, busy, time-sorted observation feed for throughput runs: an 80 km east-west border, eight
 * radars and eight cameras along it, about 150 walkers crossing at any time, radar clutter, and
 * ten patrols walking the line with GPS (so that blue-force suppression runs too). Deterministic
 * for a seed. Roughly 80 % radar, 15 % camera, 5 % patrol records.
 */
public final class SyntheticFeed {
  static final BorderView BORDER =
      BorderView.of(List.of(new double[] {19.0, 42.0}, new double[] {19.5, 42.0}, new double[] {20.0, 42.0}), "N", "S", 10_000, 5_000);
  static final List<Site> SITES = new ArrayList<>();

  static {
    for (int i = 0; i < 8; i++) {
      double lon = 19.06 + i * 0.125;
      SITES.add(new Site(String.format(Locale.ROOT, "RDR-%02d", i + 1), SiteKind.RADAR, 42.03, lon, 10, 180, 360, 100, 12_000, -1, -1, 0));
      SITES.add(new Site(String.format(Locale.ROOT, "CAM-%02d", i + 1), SiteKind.THERMAL, 42.02, lon + 0.02, 8, 180, 120, 10, 6_000, -1, -1, 0));
    }
  }

  public static SiteRegistry sites() {
    return new SiteRegistry(SITES);
  }

  private record Walker(double x, double y, double vx, double vy, long endMs) {}

  /** Writes {@code n} observations to {@code file}. */
  public static void write(Path file, long n, long seed) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Random rnd = new Random(seed);
    double[] o = BORDER.toXY(42.0, 19.0);
    long t = Instant.parse("2026-11-27T18:00:00Z").toEpochMilli();
    List<Walker> walkers = new ArrayList<>();
    long written = 0, seq = 0;
    StringBuilder sb = new StringBuilder(256);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      while (written < n) {
        while (walkers.size() < 150) {
          double x = o[0] + rnd.nextDouble() * 80_000;
          boolean north = rnd.nextBoolean();
          double v = 1.0 + rnd.nextDouble() * 0.6;
          walkers.add(new Walker(x, o[1] + (north ? 3000 : -3000), rnd.nextGaussian() * 0.2, north ? -v : v, t + (long) (6000 / v * 1000)));
        }
        // one 2 s scan: radar plots, camera detections every second, patrol fixes every 5 s
        for (Iterator<Walker> it = walkers.iterator(); it.hasNext(); ) {
          Walker k = it.next();
          if (t >= k.endMs()) {
            it.remove();
            continue;
          }
          double s = (k.endMs() - t) / 1000.0;
          double dur = 6000 / Math.abs(k.vy());
          double x = k.x() + k.vx() * (dur - s), y = k.y() + k.vy() * (dur - s);
          if (rnd.nextDouble() < 0.9) {
            written += radar(w, sb, t + rnd.nextInt(2000), x + rnd.nextGaussian() * 15, y + rnd.nextGaussian() * 15, seq++);
          }
          if (Math.abs(y - o[1]) < 1500 && rnd.nextDouble() < 0.4) {
            for (int f = 0; f < 2; f++) {
              written += camera(w, sb, t + f * 1000 + 500, x, y, rnd, seq++);
            }
          }
        }
        for (int c = 0; c < 3; c++) {
          written += radar(w, sb, t + rnd.nextInt(2000), o[0] + rnd.nextDouble() * 80_000, o[1] + rnd.nextDouble() * 8000 - 4000, seq++);
        }
        if (t % 6000 == 0) {
          for (int u = 0; u < 10; u++) {
            double px = o[0] + 4000 + u * 8000 + 3000 * Math.sin((t / 1000.0) / 2000 + u);
            double py = o[1] + 150 + u * 20;
            written += patrol(w, sb, t + 100, px + rnd.nextGaussian() * 3, py + rnd.nextGaussian() * 3, u, seq++);
            written += radar(w, sb, t + 200, px + rnd.nextGaussian() * 15, py + rnd.nextGaussian() * 15, seq++);
          }
        }
        t += 2000;
      }
    }
  }

  private static String nearest(double x, String prefix) {
    double[] o = BORDER.toXY(42.0, 19.0);
    int i = (int) Math.max(0, Math.min(7, (x - o[0]) / 10_000));
    return String.format(Locale.ROOT, "%s-%02d", prefix, i + 1);
  }

  private static int radar(Writer w, StringBuilder sb, long t, double x, double y, long seq) throws IOException {
    double[] ll = BORDER.toLatLon(x, y);
    sb.setLength(0);
    sb.append("{\"t\":\"").append(Instant.ofEpochMilli(t)).append("\",\"kind\":\"radar\",\"sensor\":\"").append(nearest(x, "RDR"))
        .append("\",\"seq\":").append(seq).append(String.format(Locale.ROOT, ",\"lat\":%.7f,\"lon\":%.7f}%n", ll[0], ll[1]));
    w.append(sb);
    return 1;
  }

  private static int camera(Writer w, StringBuilder sb, long t, double x, double y, Random rnd, long seq) throws IOException {
    double[] ll = BORDER.toLatLon(x, y);
    String id = nearest(x, "CAM");
    Site cam = SITES.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    double b = Geodesy.bearing(cam.lat(), cam.lon(), ll[0], ll[1]) + rnd.nextGaussian() * 0.3;
    sb.setLength(0);
    sb.append("{\"t\":\"").append(Instant.ofEpochMilli(t)).append("\",\"kind\":\"thermal\",\"sensor\":\"").append(id)
        .append("\",\"seq\":").append(seq).append(String.format(Locale.ROOT, ",\"bearing_deg\":%.2f,\"cls\":\"human\",\"conf\":0.7}%n", b));
    w.append(sb);
    return 1;
  }

  private static int patrol(Writer w, StringBuilder sb, long t, double x, double y, int unit, long seq) throws IOException {
    double[] ll = BORDER.toLatLon(x, y);
    sb.setLength(0);
    sb.append("{\"t\":\"").append(Instant.ofEpochMilli(t)).append("\",\"kind\":\"patrol\",\"sensor\":\"GPS-").append(unit)
        .append("\",\"unit\":\"PATROL-").append(unit).append("\",\"seq\":").append(seq)
        .append(String.format(Locale.ROOT, ",\"lat\":%.7f,\"lon\":%.7f}%n", ll[0], ll[1]));
    w.append(sb);
    return 1;
  }
}
