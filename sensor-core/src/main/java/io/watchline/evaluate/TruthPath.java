package io.watchline.evaluate;

/** A target's true path (lon/lat/time arrays), used to explain false alarms. */
public record TruthPath(String group, String role, long[] t, double[] lat, double[] lon) {

  /** A path from its points [[lon, lat, "time"], …] (the truth's {@code path}, a track file's {@code points}). */
  static TruthPath of(String group, String role, com.fasterxml.jackson.databind.JsonNode points) {
    int k = points.size();
    long[] ts = new long[k];
    double[] la = new double[k], lo = new double[k];
    for (int i = 0; i < k; i++) {
      lo[i] = points.get(i).get(0).asDouble();
      la[i] = points.get(i).get(1).asDouble();
      ts[i] = io.watchline.ndjson.IsoTime.parse(points.get(i).get(2).asText()).toEpochMilli();
    }
    return new TruthPath(group, role, ts, la, lo);
  }

  /** {lat, lon} at time {@code tMs}, or null outside the path's time span. */
  public double[] at(long tMs) {
    if (t.length == 0 || tMs < t[0] || tMs > t[t.length - 1]) return null;
    int lo = 0, hi = t.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (t[mid] <= tMs) lo = mid;
      else hi = mid;
    }
    if (t[hi] == t[lo]) return new double[] {lat[lo], lon[lo]};
    double f = (double) (tMs - t[lo]) / (t[hi] - t[lo]);
    f = Math.max(0, Math.min(1, f));
    return new double[] {lat[lo] + f * (lat[hi] - lat[lo]), lon[lo] + f * (lon[hi] - lon[lo])};
  }

  /** Distance in metres from the path to (lat, lon) at the time closest to {@code tMs} within ±{@code slackMs}, or +inf. */
  public double distanceAround(long tMs, long slackMs, double pLat, double pLon) {
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < t.length; i++) {
      long a = t[i];
      long b = i + 1 < t.length ? t[i + 1] : t[i];
      if (b < tMs - slackMs || a > tMs + slackMs) continue;
      // sample the leg every 10 s inside the window
      long from = Math.max(a, tMs - slackMs), to = Math.min(b, tMs + slackMs);
      for (long s = from; s <= to; s += 10_000) {
        double f = b == a ? 0 : (double) (s - a) / (b - a);
        double la = lat[i] + f * ((i + 1 < t.length ? lat[i + 1] : lat[i]) - lat[i]);
        double lo = lon[i] + f * ((i + 1 < t.length ? lon[i + 1] : lon[i]) - lon[i]);
        best = Math.min(best, Evaluator.metres(pLat, pLon, la, lo));
      }
    }
    return best;
  }
}
