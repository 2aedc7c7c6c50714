package io.watchline.geo.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places map labels without overlap: every label and marker claims its box, and a label goes to
 * the first free spot around its point inside the map area, or is dropped.
 */
final class LabelPlacer {
  private final MapCanvas canvas;
  private final List<Rectangle2D> placed = new ArrayList<>();

  LabelPlacer(MapCanvas canvas) {
    this.canvas = canvas;
  }

  void clear() {
    placed.clear();
  }

  /** Keeps labels off a marker or symbol already drawn. */
  void claim(Rectangle2D box) {
    placed.add(box);
  }

  /**
   * Puts a label at the first free spot around (x, y) (on it when {@code offset} is 0): eight
   * positions next to it, then two rings farther out joined to the point by a leader line. A spot
   * is free when it overlaps no label or marker drawn before. When none is free the label is
   * dropped (returns false) rather than drawn over another.
   */
  boolean place(Graphics2D g, String text, double x, double y, double offset, Color c) {
    FontMetrics fm = g.getFontMetrics();
    double w = fm.stringWidth(text) + 6;
    double h = fm.getAscent() + 3;
    List<double[]> spots = new ArrayList<>();
    if (offset == 0) {
      for (double[] sp : new double[][] {{0, 0}, {0, -h}, {0, h}, {w * 0.7, 0}, {-w * 0.7, 0}, {0, -2 * h}, {0, 2 * h}}) {
        spots.add(sp);
      }
    } else {
      for (double[] sp : new double[][] {{offset + w / 2, -offset / 2}, {offset + w / 2, offset + h / 2},
          {-offset - w / 2, -offset / 2}, {-offset - w / 2, offset + h / 2}, {0, -offset - h / 2}, {0, offset + h},
          {offset + w / 2, -offset - h}, {-offset - w / 2, -offset - h}}) {
        spots.add(sp);
      }
      for (double ring : new double[] {3.5, 6}) {
        for (int k = 0; k < 12; k++) {
          double a = Math.PI * 2 * k / 12;
          spots.add(new double[] {Math.cos(a) * (offset * ring + w / 2), Math.sin(a) * (offset * ring + h)});
        }
      }
    }
    for (int k = 0; k < spots.size(); k++) {
      double[] sp = spots.get(k);
      Rectangle2D box = new Rectangle2D.Double(x + sp[0] - w / 2, y + sp[1] - h + 4, w, h);
      if (!canvas.inside(box)) {
        continue;
      }
      if (placed.stream().noneMatch(box::intersects)) {
        placed.add(box);
        if (k >= 8) {
          g.setColor(new Color(60, 60, 60));
          g.setStroke(new BasicStroke(1f));
          g.draw(new Line2D.Double(x, y, box.getCenterX(), box.getCenterY()));
        }
        halo(g, text, x + sp[0], y + sp[1] + 4, c);
        return true;
      }
    }
    return false;
  }

  private static void halo(Graphics2D g, String text, double cx, double cy, Color c) {
    FontMetrics fm = g.getFontMetrics();
    int w = fm.stringWidth(text);
    g.setColor(new Color(255, 255, 255, 215));
    g.fill(new Rectangle2D.Double(cx - w / 2.0 - 3, cy - fm.getAscent() + 1, w + 6, fm.getAscent() + 3));
    g.setColor(c);
    g.drawString(text, (float) (cx - w / 2.0), (float) cy);
  }
}
