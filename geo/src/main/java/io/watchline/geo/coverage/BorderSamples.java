package io.watchline.geo.coverage;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.sector.Sector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * The border cut into samples of at most {@code sampleM} (local metres): each sample's centre,
 * its stretch [from, to) along the line, its length and its sector ("-" between sectors), with a
 * bucket index to find the samples near a point. Samples never straddle a sector's end, so a
 * sector's samples add up to its border length.
 */
final class BorderSamples {
  final double[] x;
  final double[] y;
  final double[] along;
  final double[] from;
  final double[] to;
  final double[] weight;
  final String[] sector;
  private final Map<Long, int[]> buckets = new HashMap<>();
  private final double bucketM;

  BorderSamples(BorderContext ctx, LineString borderXy, double sampleM, double bucketM) {
    double[][] stretches = stretches(ctx, borderXy.getLength());
    int n = 0;
    for (double[] st : stretches) {
      n += pieces(st, sampleM);
    }
    x = new double[n];
    y = new double[n];
    along = new double[n];
    from = new double[n];
    to = new double[n];
    weight = new double[n];
    sector = new String[n];
    LengthIndexedLine li = new LengthIndexedLine(borderXy);
    List<Sector> sectorList = ctx.sectors();
    int i = 0;
    for (double[] st : stretches) {
      int m = pieces(st, sampleM);
      double step = (st[1] - st[0]) / m;
      for (int k = 0; k < m; k++, i++) {
        from[i] = st[0] + k * step;
        to[i] = k == m - 1 ? st[1] : st[0] + (k + 1) * step;
        along[i] = (from[i] + to[i]) / 2;
        weight[i] = to[i] - from[i];
        Coordinate c = li.extractPoint(along[i]);
        x[i] = c.x;
        y[i] = c.y;
        sector[i] = st[2] >= 0 ? sectorList.get((int) st[2]).id() : "-";
      }
    }
    this.bucketM = bucketM;
    for (i = 0; i < n; i++) {
      long key = bucketKey(Math.floorDiv((long) x[i], (long) bucketM), Math.floorDiv((long) y[i], (long) bucketM));
      int[] arr = buckets.get(key);
      arr = arr == null ? new int[] {i} : append(arr, i);
      buckets.put(key, arr);
    }
  }

  int size() {
    return x.length;
  }

  /** Calls {@code action} with every sample within {@code radius} (at most the bucket size) of (px, py). */
  void forEachWithin(double px, double py, double radius, IntConsumer action) {
    long bx = Math.floorDiv((long) px, (long) bucketM);
    long by = Math.floorDiv((long) py, (long) bucketM);
    for (long j = by - 1; j <= by + 1; j++) {
      for (long i = bx - 1; i <= bx + 1; i++) {
        int[] ids = buckets.get(bucketKey(i, j));
        if (ids == null) {
          continue;
        }
        for (int s : ids) {
          if (Math.hypot(x[s] - px, y[s] - py) <= radius) {
            action.accept(s);
          }
        }
      }
    }
  }

  Suggestions.Samples forSuggestions() {
    return new Suggestions.Samples(x, y, from, to, weight, sector);
  }

  /** The whole line as stretches {from, to, sector number or -1}: the sector pieces and what lies between. */
  private static double[][] stretches(BorderContext ctx, double length) {
    List<double[]> out = new ArrayList<>();
    double at = 0;
    for (double[] p : ctx.sectorPieces()) {
      if (p[0] > at + 1e-6) {
        out.add(new double[] {at, p[0], -1});
      }
      if (p[1] > p[0]) {
        out.add(p);
      }
      at = Math.max(at, p[1]);
    }
    if (length > at + 1e-6) {
      out.add(new double[] {at, length, -1});
    }
    return out.toArray(double[][]::new);
  }

  private static int pieces(double[] stretch, double sampleM) {
    return Math.max(1, (int) Math.ceil((stretch[1] - stretch[0]) / sampleM - 1e-9));
  }

  private static long bucketKey(long i, long j) {
    return (i << 32) ^ (j & 0xffffffffL);
  }

  private static int[] append(int[] a, int v) {
    int[] b = Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }
}
