package io.watchline.geo.sector;

import io.watchline.geo.InvalidValueException;
import io.watchline.geo.proj.LocalProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Cuts a border line into sectors every N metres along it, each with a band of W metres on both
 * sides. The band is the flat-ended buffer of the whole line; a piece's sector is the part of the
 * band within W of that piece not already claimed by an earlier piece, so the sectors tile the band
 * without overlaps or gaps (at bends the earlier piece takes the shared wedge).
 */
public final class SectorCutter {
  private SectorCutter() {}

  /** Pieces shorter than this (metres) at the end of the line join the previous sector. */
  private static final double MIN_LAST_PIECE_M = 1.0;

  public static List<Sector> cut(
      LineString borderXy, LocalProjection projection, double everyM, double bandM, String left, String right) {
    if (!(everyM > 0) || !(bandM > 0)) {
      throw new InvalidValueException("sector length and band width must be positive (got " + everyM + " m, " + bandM + " m)");
    }
    double total = borderXy.getLength();
    int count = Math.max(1, (int) Math.ceil(total / everyM - 1e-9));
    if (count > 1 && total - (count - 1) * everyM < MIN_LAST_PIECE_M) {
      count--;
    }
    if (count > 9999) {
      throw new InvalidValueException(
          String.format(Locale.ROOT, "%.0f m of border every %.0f m makes %d sectors; choose a longer sector length", total, everyM, count));
    }
    BufferParameters flat = new BufferParameters(16, BufferParameters.CAP_FLAT, BufferParameters.JOIN_ROUND, 5);
    Geometry band = org.locationtech.jts.operation.buffer.BufferOp.bufferOp(borderXy, bandM, flat);
    LengthIndexedLine indexed = new LengthIndexedLine(borderXy);
    String format = count > 99 ? (count > 999 ? "S-%04d" : "S-%03d") : "S-%02d";
    List<Sector> out = new ArrayList<>();
    List<Geometry> earlier = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      double from = k * everyM;
      double to = k == count - 1 ? total : (k + 1) * everyM;
      Geometry piece = indexed.extractLine(from, to);
      Geometry area = OverlayNGRobust.overlay(piece.buffer(bandM, 16), band, OverlayNG.INTERSECTION);
      // Only earlier sectors whose extent meets this one can overlap it.
      List<Geometry> near = new ArrayList<>();
      for (Geometry g : earlier) {
        if (g.getEnvelopeInternal().intersects(area.getEnvelopeInternal())) {
          near.add(g);
        }
      }
      if (!near.isEmpty()) {
        Geometry claimed = OverlayNGRobust.union(area.getFactory().buildGeometry(near));
        area = OverlayNGRobust.overlay(area, claimed, OverlayNG.DIFFERENCE);
      }
      earlier.add(area);
      Geometry polygonal = polygonal(area);
      String id = String.format(Locale.ROOT, format, k + 1);
      out.add(new Sector(id, id, polygonal.isEmpty() ? polygonal : projection.inverse(polygonal), to - from, left, right));
    }
    return out;
  }

  /** Keeps only the areal parts of an overlay result, made valid. */
  static Geometry polygonal(Geometry g) {
    List<Polygon> polys = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p && !p.isEmpty()) {
        polys.add(p);
      } else if (part instanceof MultiPolygon mp) {
        for (int j = 0; j < mp.getNumGeometries(); j++) {
          polys.add((Polygon) mp.getGeometryN(j));
        }
      }
    }
    Geometry out = polys.size() == 1 ? polys.get(0) : g.getFactory().createMultiPolygon(polys.toArray(Polygon[]::new));
    return out.isValid() ? out : GeometryFixer.fix(out);
  }
}
