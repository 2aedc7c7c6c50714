package io.watchline.fusion.partition;

import io.watchline.fusion.border.BorderView;
import io.watchline.geo.context.BorderContext;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.incident.Incident;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Cuts the border into fusion regions so that fusion can run in parallel, one engine per region,
 * and still find what one engine over everything finds (docs/scale.md).
 *
 * <ul>
 *   <li>A <b>region</b> is a stretch of the border line (a run of whole sectors, cut where the
 *       sectors meet) and owns every point whose nearest border point lies on that stretch. The
 *       regions therefore tile the whole plane: every point has exactly one owner, {@link
 *       #ownerOf}.
 *   <li>An <b>observation</b> goes to every region whose area comes within the halo of where it
 *       can have an effect ({@link #regionsOf}): its position; for a polar plot or ranged camera
 *       detection, the point placed from its site; for a bare camera bearing, anywhere within the
 *       camera's range. So a track that passes within the halo of a region's area is fused whole
 *       by that region's engine.
 *   <li>An <b>incident</b> is kept only by the region owning its event point ({@link #owns}); the
 *       other regions that fused the same track drop their copy.
 * </ul>
 *
 * <p>Immutable and thread-safe: build one per job (or per JVM) and share it between threads.
 */
public final class RegionPartitioner {
  /** Default halo, m: longer than a stitched gap (20 min at walking pace) plus a track's approach. */
  public static final double DEFAULT_HALO_M = 5_000;

  private final BorderView border;
  private final SiteRegistry sites;
  private final double haloM;
  private final List<Region> regions;
  private final IndexedFacetDistance[] stretchDistance;
  private final Envelope[] stretchEnvelope;
  private final GeometryFactory gf = new GeometryFactory();
  /** The regions of each camera's bare bearings, which depend on the site alone (every third record of a night). */
  private final java.util.concurrent.ConcurrentHashMap<String, int[]> bareBearingRegions = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * One fusion region.
   *
   * @param index its number, 0..{@link #regionCount()}-1, in order along the border line
   * @param fromM where its stretch of border begins, metres along the projected line
   * @param toM where it ends
   * @param sectors the ids of the sectors whose border lies (partly) on that stretch
   */
  public record Region(int index, double fromM, double toM, List<String> sectors) {
    public Region {
      sectors = List.copyOf(sectors);
    }
  }

  private RegionPartitioner(BorderView border, SiteRegistry sites, double haloM, double[] cuts) {
    this.border = border;
    this.sites = sites;
    this.haloM = haloM;
    BorderContext ctx = border.context();
    LineString lonLat = ctx.borderLonLat();
    Coordinate[] xy = new Coordinate[lonLat.getNumPoints()];
    double[] out = new double[2];
    for (int i = 0; i < xy.length; i++) {
      Coordinate c = lonLat.getCoordinateN(i);
      ctx.projection().forward(c.y, c.x, out, 0);
      xy[i] = new Coordinate(out[0], out[1]);
    }
    LengthIndexedLine line = new LengthIndexedLine(gf.createLineString(xy));
    double[][] pieces = ctx.sectorPieces();
    int n = cuts.length - 1;
    List<Region> rs = new ArrayList<>(n);
    stretchDistance = new IndexedFacetDistance[n];
    stretchEnvelope = new Envelope[n];
    for (int r = 0; r < n; r++) {
      TreeSet<String> ids = new TreeSet<>();
      for (double[] p : pieces) {
        if (p[1] > cuts[r] && p[0] < cuts[r + 1]) {
          ids.add(ctx.sectors().get((int) p[2]).id());
        }
      }
      rs.add(new Region(r, cuts[r], cuts[r + 1], new ArrayList<>(ids)));
      Geometry stretch = line.extractLine(cuts[r], cuts[r + 1]);
      stretchDistance[r] = new IndexedFacetDistance(stretch);
      stretchEnvelope[r] = stretch.getEnvelopeInternal();
    }
    this.regions = List.copyOf(rs);
  }

  /**
   * Cuts the border into about {@code regionCount} regions of similar border length, each a run of
   * whole sectors (fewer when there are fewer sectors).
   *
   * @param border the border with its sectors
   * @param sites the sensor sites: polar observations are placed from them, bare bearings reach
   *     their camera's range
   * @param regionCount how many regions are wanted, at least 1
   * @param haloM how far beyond its own area a region still receives observations, m (&ge; 0)
   */
  public static RegionPartitioner of(BorderView border, SiteRegistry sites, int regionCount, double haloM) {
    if (regionCount < 1) {
      throw new IllegalArgumentException("at least one region is needed: " + regionCount);
    }
    if (!(haloM >= 0)) {
      throw new IllegalArgumentException("the halo must be at least 0 m: " + haloM);
    }
    double length = border.context().borderLengthM();
    // Cut only where one sector's border ends and the next one's begins.
    TreeSet<Double> joints = new TreeSet<>();
    for (double[] p : border.context().sectorPieces()) {
      if (p[0] > 0 && p[0] < length) {
        joints.add(p[0]);
      }
    }
    TreeSet<Double> cuts = new TreeSet<>(List.of(0.0, length));
    for (int k = 1; k < regionCount && !joints.isEmpty(); k++) {
      double target = length * k / regionCount;
      Double lo = joints.floor(target), hi = joints.ceiling(target);
      double best = lo == null ? hi : hi == null ? lo : target - lo <= hi - target ? lo : hi;
      cuts.add(best);
    }
    return new RegionPartitioner(border, sites, haloM, cuts.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The number of regions (keys 0..n-1). */
  public int regionCount() {
    return regions.size();
  }

  /** The regions, in order along the border line. */
  public List<Region> regions() {
    return regions;
  }

  /** The halo, m. */
  public double haloM() {
    return haloM;
  }

  /**
   * The regions whose engine must see this observation, ascending and never empty. An observation
   * that cannot be placed at all (no position, no known site) goes to region 0 alone, which counts
   * it as unplaced as one engine would.
   */
  public int[] regionsOf(Observation o) {
    double lat = o.lat(), lon = o.lon();
    if (!o.hasPosition()) {
      Site site = o.sensor() == null ? null : sites.byId(o.sensor());
      if (site == null) {
        return new int[] {0};
      }
      if (o.hasPolar() && !Double.isNaN(o.rangeM())) {
        Geodesy.LatLon p = site.place(o.rangeM(), o.bearingDeg());
        lat = p.lat();
        lon = p.lon();
      } else {
        // A bare bearing can be crossed, or matched to a track, anywhere within the camera's range.
        return bareBearingRegions.computeIfAbsent(site.id(),
            id -> regionsNear(site.lat(), site.lon(), Double.isNaN(site.rangeMaxM()) ? 0 : site.rangeMaxM())).clone();
      }
    }
    return regionsNear(lat, lon, 0);
  }

  /**
   * The regions whose area comes within {@code reachM} + halo of the point (a superset: see
   * docs/scale.md for the bound), ascending and never empty.
   */
  public int[] regionsNear(double lat, double lon, double reachM) {
    double[] xy = border.toXY(lat, lon);
    // q in region r and |pq| <= h  =>  dist(p, stretch r) <= |pq| + dist(q, border) <= d(p) + 2h.
    double limit = Math.abs(border.signedDistanceXY(xy[0], xy[1])) + 2 * (reachM + haloM);
    Coordinate c = new Coordinate(xy[0], xy[1]);
    Envelope at = new Envelope(c);
    int[] found = new int[regions.size()];
    int k = 0;
    for (int r = 0; r < regions.size(); r++) {
      if (stretchEnvelope[r].distance(at) <= limit) {
        found[k++] = r;
      }
    }
    // The owner's stretch lies d(p) <= limit away, so it always passes: when it is the only
    // candidate left, no exact distance is needed (the common case, far from any cut).
    if (k > 1) {
      Geometry pt = gf.createPoint(c);
      int kept = 0;
      for (int i = 0; i < k; i++) {
        if (stretchDistance[found[i]].distance(pt) <= limit) {
          found[kept++] = found[i];
        }
      }
      k = kept;
    }
    if (k == 0) {
      found[k++] = ownerOf(lat, lon);
    }
    return Arrays.copyOf(found, k);
  }

  /** The one region owning the point: the one whose stretch of border is nearest (ties: the lower). */
  public int ownerOf(double lat, double lon) {
    double[] xy = border.toXY(lat, lon);
    Coordinate c = new Coordinate(xy[0], xy[1]);
    Geometry pt = gf.createPoint(c);
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int r = 0; r < regions.size(); r++) {
      if (stretchEnvelope[r].distance(new Envelope(c)) > bestD) {
        continue;
      }
      double d = stretchDistance[r].distance(pt);
      if (d < bestD) {
        bestD = d;
        best = r;
      }
    }
    return best;
  }

  /** True when the region owns the incident: its event point (lat/lon) lies in the region's area. */
  public boolean owns(int region, Incident incident) {
    return ownerOf(incident.lat(), incident.lon()) == region;
  }
}
