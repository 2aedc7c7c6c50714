package io.watchline.geo.render;

import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.dem.ElevationGrid;
import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * The static map's background: hillshade (or plain land on a flat earth) tinted by coverage, one
 * pixel per map pixel; cells without terrain data hatched, outside the analysis frame light gray.
 */
final class CoverageRaster {
  private CoverageRaster() {}

  static BufferedImage render(CoverageResult r, MapCanvas m) {
    BufferedImage img = new BufferedImage(MapCanvas.MAP_W, m.mapH, BufferedImage.TYPE_INT_RGB);
    GridFrame f = r.frame();
    ElevationGrid dem = r.terrain().grid();
    boolean flat = r.terrain().flat();
    for (int j = 0; j < m.mapH; j++) {
      double y = m.maxY - (j + 0.5) / m.scale;
      for (int i = 0; i < MapCanvas.MAP_W; i++) {
        double x = m.minX + (i + 0.5) / m.scale;
        int c = f.colOf(x);
        int rr = f.rowOf(y);
        double shade = 0.93;
        int rgb;
        if (f.contains(c, rr)) {
          boolean noData = r.terrain().noDataAt(c, rr);
          if (!flat && !noData) {
            shade = CoverageStyle.hillshade(dem, c, rr);
          }
          int k = rr * f.width() + c;
          if (noData && Math.floorMod(i + j, 9) < 2) {
            img.setRGB(i, j, 0x8c8c8c); // hatching: no terrain data, never counted as seen
            continue;
          }
          double base = 0.55 + 0.45 * shade;
          int gray = (int) Math.round(255 * base);
          Color tint = CoverageStyle.tint(r, k);
          rgb = tint == null ? (gray << 16) | (gray << 8) | (int) (gray * 0.97) : CoverageStyle.blend(gray, tint);
        } else {
          rgb = 0xebebeb;
        }
        img.setRGB(i, j, rgb);
      }
    }
    return img;
  }
}
