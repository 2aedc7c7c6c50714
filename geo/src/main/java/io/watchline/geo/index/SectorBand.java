package io.watchline.geo.index;

import java.util.Arrays;

/**
 * Which sector a point of the border band belongs to: the sector whose piece of border line is
 * nearest (ties go to the lower sector number). The sector polygons only say whether a point is in
 * the band at all; inside it, the nearest piece decides, so the band is partitioned even where an
 * earlier sector's polygon reaches over a bend into a later sector's stretch, and a point on the
 * line in piece k is always in sector k.
 *
 * <p>Pieces are given as distances along the line: sector {@code pieceSector[j]} owns
 * {@code [pieceFrom[j], pieceTo[j])}. Stretches of line that belong to no sector fall back to the
 * polygon answer. Immutable and thread-safe.
 */
public final class SectorBand {
  private final SectorIndex polygons;
  private final BorderIndex border;
  private final double[] lx;
  private final double[] ly;
  private final double[] vertexAlong;
  private final double[] pieceFrom;
  private final double[] pieceTo;
  private final int[] pieceSector;

  /**
   * @param lineX border vertices (projected metres), the line {@code border} was built from
   * @param pieceFrom start of each piece along the line, ascending; pieces must not overlap
   */
  public SectorBand(SectorIndex polygons, BorderIndex border, double[] lineX, double[] lineY, double[] pieceFrom,
      double[] pieceTo, int[] pieceSector) {
    this.polygons = polygons;
    this.border = border;
    this.lx = lineX.clone();
    this.ly = lineY.clone();
    this.vertexAlong = new double[lx.length];
    for (int i = 1; i < lx.length; i++) {
      vertexAlong[i] = vertexAlong[i - 1] + Math.hypot(lx[i] - lx[i - 1], ly[i] - ly[i - 1]);
    }
    this.pieceFrom = pieceFrom.clone();
    this.pieceTo = pieceTo.clone();
    this.pieceSector = pieceSector.clone();
  }

  /** Sector number of a point in metres, or -1 outside the band. */
  public int sectorOf(double px, double py) {
    int inPolygon = polygons.sectorOf(px, py);
    if (inPolygon < 0) {
      return -1;
    }
    int s = sectorAlong(alongOfNearest(px, py));
    return s >= 0 ? s : inPolygon;
  }

  /** Distance along the line of the point of the line nearest to (px, py). */
  public double alongOfNearest(double px, double py) {
    int i = border.nearestSegment(px, py);
    double dx = lx[i + 1] - lx[i];
    double dy = ly[i + 1] - ly[i];
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - lx[i]) * dx + (py - ly[i]) * dy) / len2));
    return vertexAlong[i] + t * (vertexAlong[i + 1] - vertexAlong[i]);
  }

  /** Sector owning the line at distance {@code a} along it (a piece end belongs to the lower piece), or -1. */
  public int sectorAlong(double a) {
    int j = Arrays.binarySearch(pieceFrom, a);
    if (j < 0) {
      j = -j - 2;
    } else if (j > 0 && pieceTo[j - 1] >= a) {
      j--; // on the boundary between two pieces: the lower one
    }
    if (j < 0 || a > pieceTo[j]) {
      return -1;
    }
    return pieceSector[j];
  }

  public double lengthM() {
    return vertexAlong[vertexAlong.length - 1];
  }
}
