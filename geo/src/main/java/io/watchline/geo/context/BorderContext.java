package io.watchline.geo.context;

import io.watchline.geo.InvalidValueException;
import io.watchline.geo.border.BorderLines;
import io.watchline.geo.index.BorderIndex;
import io.watchline.geo.index.SectorBand;
import io.watchline.geo.index.SectorIndex;
import io.watchline.geo.proj.LocalProjection;
import io.watchline.geo.sector.Sector;
import io.watchline.geo.sector.SectorCutter;
import io.watchline.geo.sector.SectorFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;

/**
 * Everything a detection is judged against: the border line of interest with its two named sides,
 * the sectors of the border band, and the local metric projection, indexed once for fast queries.
 * Immutable; every read is thread-safe and allocation-light. Queries take WGS84 degrees and answer
 * in metres of the local projection (see docs/geo.md).
 */
public final class BorderContext {
  private final LineString borderLonLat;
  private final String leftName;
  private final String rightName;
  private final List<Sector> sectors;
  private final LocalProjection projection;
  private final LineString borderXy;
  private final double[][] pieces;
  private final double borderLengthM;
  // Built on first use: cutting sectors needs none of them, and on a dense border the line index
  // costs more than the cut.
  private volatile BorderIndex border;
  private volatile SectorIndex sectorIndex;
  private volatile SectorBand band;

  private BorderContext(
      LineString borderLonLat, String leftName, String rightName, List<Sector> sectorsOrNull, double sectorEveryM, double bandM) {
    if (borderLonLat == null || borderLonLat.isEmpty() || borderLonLat.getNumPoints() < 2) {
      throw new InvalidValueException("the border line is empty");
    }
    this.borderLonLat = (LineString) borderLonLat.copy();
    this.leftName = leftName == null ? "left" : leftName;
    this.rightName = rightName == null ? "right" : rightName;
    Envelope e = borderLonLat.getEnvelopeInternal();
    this.projection = LocalProjection.centredOn((e.getMinY() + e.getMaxY()) / 2, (e.getMinX() + e.getMaxX()) / 2);
    this.borderXy = (LineString) projection.forward(borderLonLat);
    this.borderLengthM = borderXy.getLength();
    this.sectors =
        List.copyOf(
            sectorsOrNull != null
                ? sectorsOrNull
                : SectorCutter.cut(borderXy, projection, sectorEveryM, bandM, this.leftName, this.rightName));
    this.pieces = sectorsOrNull == null
        ? SectorPieces.ofCutSectors(sectors)
        : SectorPieces.ofPolygons(borderXy, sectors.stream().map(p -> projection.forward(p.polygon())).toList());
  }

  /**
   * Loads a border line file (GeoJSON, KML, WKT or GeoPackage; a LineString, or a MultiLineString
   * whose parts join into one line; properties {@code side_left}/{@code side_right} name the sides)
   * and either a sectors file or, when {@code sectorsOrNull} is null, cuts sectors every
   * {@code sectorEveryM} with a band of {@code bandM} on each side. Country polygons are refused:
   * derive the line first with {@code watchline border}.
   */
  public static BorderContext load(Path border, Path sectorsOrNull, double sectorEveryM, double bandM) throws IOException {
    BorderLines.Named line = BorderLines.read(border);
    List<Sector> sectors =
        sectorsOrNull == null ? null : SectorFiles.read(sectorsOrNull, line.line(), line.leftName(), line.rightName());
    return new BorderContext(line.line(), line.leftName(), line.rightName(), sectors, sectorEveryM, bandM);
  }

  public static BorderContext of(
      LineString borderLonLat, String leftName, String rightName, List<Sector> sectorsOrNull, double sectorEveryM, double bandM) {
    return new BorderContext(borderLonLat, leftName, rightName, sectorsOrNull, sectorEveryM, bandM);
  }

  public LocalProjection projection() {
    return projection;
  }

  /**
   * The id of the sector of the band holding the point: of its nearest border piece (ties: the lower
   * sector), or null outside the band.
   */
  public String sectorOf(double lat, double lon) {
    double[] xy = new double[2];
    projection.forward(lat, lon, xy, 0);
    int k = band().sectorOf(xy[0], xy[1]);
    return k < 0 ? null : sectors.get(k).id();
  }

  /** Sector number of a point in projected metres by the nearest-piece rule, or -1 outside the band. */
  public int sectorAt(double x, double y) {
    return band().sectorOf(x, y);
  }

  /**
   * The border line's division into sectors: rows {from, to, sector number}, distances in metres
   * along the projected line, ascending and not overlapping. A sector's border length is the sum
   * of its rows; stretches in no row belong to no sector.
   */
  public double[][] sectorPieces() {
    double[][] copy = new double[pieces.length][];
    for (int j = 0; j < pieces.length; j++) {
      copy[j] = pieces[j].clone();
    }
    return copy;
  }

  /** Length of border line in sector k (metres): the one figure sectors, coverage and nightly report. */
  public double sectorBorderM(int k) {
    double sum = 0;
    for (double[] p : pieces) {
      if ((int) p[2] == k) {
        sum += p[1] - p[0];
      }
    }
    return sum;
  }

  /** Distance to the border line in metres: positive on the left side, negative on the right. */
  public double signedDistanceM(double lat, double lon) {
    double[] xy = new double[2];
    projection.forward(lat, lon, xy, 0);
    return borderIndex().signedDistance(xy[0], xy[1]);
  }

  /** The name of the side the point is on (points exactly on the line count as left). */
  public String sideOf(double lat, double lon) {
    return signedDistanceM(lat, lon) >= 0 ? leftName : rightName;
  }

  /** The first place where the track from point 1 to point 2 crosses the border, or null. */
  public Crossing crossing(double lat1, double lon1, double lat2, double lon2) {
    double[] xy = new double[4];
    projection.forward(lat1, lon1, xy, 0);
    projection.forward(lat2, lon2, xy, 2);
    double[] out = new double[2];
    int seg = borderIndex().firstCrossing(xy[0], xy[1], xy[2], xy[3], out);
    if (seg < 0) {
      return null;
    }
    double f = out[0];
    LocalProjection.LatLonPoint at = projection.inverse(xy[0] + f * (xy[2] - xy[0]), xy[1] + f * (xy[3] - xy[1]));
    boolean fromLeft = out[1] > 0;
    return new Crossing(at.lat(), at.lon(), f, fromLeft ? leftName : rightName, fromLeft ? rightName : leftName);
  }

  /** Where a track crossed the border: position, fraction along the track, from and to sides. */
  public record Crossing(double lat, double lon, double fraction, String from, String to) {}

  public List<Sector> sectors() {
    return sectors;
  }

  public LineString borderLonLat() {
    return (LineString) borderLonLat.copy();
  }

  public double borderLengthM() {
    return borderLengthM;
  }

  public String leftName() {
    return leftName;
  }

  public String rightName() {
    return rightName;
  }

  /** The index over the projected border line, for batch queries in metres. */
  public BorderIndex borderIndex() {
    BorderIndex b = border;
    if (b == null) {
      synchronized (this) {
        b = border;
        if (b == null) {
          border = b = BorderIndex.build(borderXy);
        }
      }
    }
    return b;
  }

  /** The index over the projected sector polygons, for batch queries in metres. */
  public SectorIndex sectorIndex() {
    SectorIndex s = sectorIndex;
    if (s == null) {
      synchronized (this) {
        s = sectorIndex;
        if (s == null) {
          sectorIndex = s = SectorIndex.build(sectors.stream().map(p -> projection.forward(p.polygon())).toList());
        }
      }
    }
    return s;
  }

  /** The nearest-piece sector lookup over the band, built on first use. */
  private SectorBand band() {
    SectorBand b = band;
    if (b == null) {
      synchronized (this) {
        b = band;
        if (b == null) {
          Coordinate[] c = borderXy.getCoordinates();
          double[] x = new double[c.length];
          double[] y = new double[c.length];
          for (int i = 0; i < c.length; i++) {
            x[i] = c[i].x;
            y[i] = c[i].y;
          }
          int[] owner = new int[pieces.length];
          double[] from = new double[pieces.length];
          double[] to = new double[pieces.length];
          for (int j = 0; j < pieces.length; j++) {
            from[j] = pieces[j][0];
            to[j] = pieces[j][1];
            owner[j] = (int) pieces[j][2];
          }
          band = b = new SectorBand(sectorIndex(), borderIndex(), x, y, from, to, owner);
        }
      }
    }
    return b;
  }
}
