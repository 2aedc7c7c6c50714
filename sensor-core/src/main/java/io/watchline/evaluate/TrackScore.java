package io.watchline.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * GOSPA and OSPA ({@link TrackMetric}) of a run's fused tracks ({@code fuse --tracks}) against the
 * true paths, every {@code stepMs} over the night, averaged. True objects are every target but
 * fixed clutter echoes; tracks are every confirmed track, patrols included (the truth has them).
 * Holds the tracks' points in memory (a night's tracks are megabytes, not the observations).
 *
 * @param steps time steps scored
 * @param gospa mean GOSPA, m
 * @param localisation mean GOSPA localisation part, m
 * @param missed mean true objects without a track within the cut-off per step
 * @param falseTracks mean tracks without a true object within the cut-off per step
 * @param ospa mean OSPA, m
 */
public record TrackScore(long steps, double gospa, double localisation, double missed, double falseTracks, double ospa,
    double cutoffM, double order) {

  /**
   * @param tracks the NDJSON written by {@code fuse --tracks} (one track per line, {@code points} [[lon, lat, "t"], …])
   * @param cutoffM the cut-off distance c, m
   * @param order the order p
   */
  public static TrackScore of(Truth truth, InputStream tracks, String name, double cutoffM, double order, long stepMs)
      throws IOException {
    List<TruthPath> est = new ArrayList<>();
    ObjectMapper m = new ObjectMapper();
    BufferedReader r = new BufferedReader(new InputStreamReader(tracks, StandardCharsets.UTF_8));
    int lineNo = 0;
    for (String line; (line = r.readLine()) != null; ) {
      lineNo++;
      if (line.isBlank()) continue;
      JsonNode n;
      try {
        n = m.readTree(line);
      } catch (IOException e) {
        throw new IllegalArgumentException(name + ":" + lineNo + ": not JSON");
      }
      JsonNode p = n.path("points");
      if (!p.isArray() || p.isEmpty()) {
        throw new IllegalArgumentException(name + ":" + lineNo + ": no 'points' (give the file 'fuse --tracks' wrote)");
      }
      est.add(TruthPath.of("track", "track", p));
    }
    List<TruthPath> objects = truth.paths().stream().filter(p -> !"clutter".equals(p.role())).toList();
    long from = Long.MAX_VALUE, to = Long.MIN_VALUE;
    for (TruthPath p : objects) {
      from = Math.min(from, p.t()[0]);
      to = Math.max(to, p.t()[p.t().length - 1]);
    }
    double lat0 = objects.isEmpty() ? 0 : objects.get(0).lat()[0];
    double kx = 111_195 * Math.cos(Math.toRadians(lat0)), ky = 111_195;
    long steps = 0;
    double g = 0, loc = 0, miss = 0, fa = 0, o = 0;
    for (long t = from; t <= to && !objects.isEmpty(); t += stepMs) {
      List<double[]> x = new ArrayList<>(), y = new ArrayList<>();
      for (TruthPath p : objects) {
        double[] q = p.at(t);
        if (q != null) x.add(new double[] {q[1] * kx, q[0] * ky});
      }
      for (TruthPath p : est) {
        double[] q = p.at(t);
        if (q != null) y.add(new double[] {q[1] * kx, q[0] * ky});
      }
      TrackMetric.Gospa s = TrackMetric.gospa(x, y, cutoffM, order);
      g += s.value();
      loc += s.localisation();
      miss += s.missed();
      fa += s.falseTracks();
      o += TrackMetric.ospa(x, y, cutoffM, order);
      steps++;
    }
    double n = Math.max(1, steps);
    return new TrackScore(steps, g / n, loc / n, miss / n, fa / n, o / n, cutoffM, order);
  }
}
