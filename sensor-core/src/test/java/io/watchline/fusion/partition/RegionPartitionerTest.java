package io.watchline.fusion.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchline.feed.TestData;
import io.watchline.fusion.border.BorderView;
import io.watchline.geo.context.BorderContext;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The partitioner against a brute-force oracle in JTS: ownership from the nearest point of the
 * whole border line and its length along it; the halo by sampling the disk around a point densely
 * and asking the oracle who owns each sample.
 */
class RegionPartitionerTest {
  static BorderView border;
  static SiteRegistry sites;
  static LineString lineXy;
  static final GeometryFactory GF = new GeometryFactory();

  @BeforeAll
  static void load() throws Exception {
    border = BorderView.load(TestData.fixture("borders/mne-alb.geojson"), null, 10_000, 5_000);
    sites = SiteRegistry.load(TestData.fixture("demo/sites.yaml"));
    BorderContext ctx = border.context();
    LineString ll = ctx.borderLonLat();
    Coordinate[] cs = new Coordinate[ll.getNumPoints()];
    for (int i = 0; i < cs.length; i++) {
      double[] xy = border.toXY(ll.getCoordinateN(i).y, ll.getCoordinateN(i).x);
      cs[i] = new Coordinate(xy[0], xy[1]);
    }
    lineXy = GF.createLineString(cs);
  }

  /** The oracle: the region whose stretch holds the nearest point of the whole line. */
  static int oracleOwner(RegionPartitioner p, double x, double y) {
    Coordinate nearest = DistanceOp.nearestPoints(lineXy, GF.createPoint(new Coordinate(x, y)))[0];
    double s = new LengthIndexedLine(lineXy).project(nearest);
    for (RegionPartitioner.Region r : p.regions()) {
      if (s >= r.fromM() && s < r.toM()) {
        return r.index();
      }
    }
    return p.regionCount() - 1; // the very end of the line
  }

  static double[] randomPointNearBorder(Random rnd, double spreadM) {
    Coordinate c = new LengthIndexedLine(lineXy).extractPoint(rnd.nextDouble() * lineXy.getLength());
    return new double[] {c.x + (rnd.nextDouble() * 2 - 1) * spreadM, c.y + (rnd.nextDouble() * 2 - 1) * spreadM};
  }

  @Test
  void regionsAreRunsOfWholeSectorsCoveringTheLine() {
    RegionPartitioner p = RegionPartitioner.of(border, sites, 4, 3_000);
    assertThat(p.regionCount()).isEqualTo(4);
    List<RegionPartitioner.Region> rs = p.regions();
    assertThat(rs.get(0).fromM()).isZero();
    assertThat(rs.get(3).toM()).isCloseTo(lineXy.getLength(), org.assertj.core.data.Offset.offset(1.0));
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < rs.size(); r++) {
      if (r > 0) {
        assertThat(rs.get(r).fromM()).isEqualTo(rs.get(r - 1).toM());
      }
      // Cut at sector joints: a sector lies in exactly one region.
      for (String s : rs.get(r).sectors()) {
        assertThat(seen.add(s)).as("sector %s in two regions", s).isTrue();
      }
    }
    assertThat(seen).hasSize(border.context().sectors().size());
    // Similar lengths: none more than twice another.
    double min = rs.stream().mapToDouble(r -> r.toM() - r.fromM()).min().orElseThrow();
    double max = rs.stream().mapToDouble(r -> r.toM() - r.fromM()).max().orElseThrow();
    assertThat(max).isLessThan(2 * min);
  }

  @Test
  void moreRegionsThanSectorsGivesOneRegionPerSector() {
    int sectors = border.context().sectors().size();
    assertThat(RegionPartitioner.of(border, sites, sectors + 10, 1_000).regionCount()).isEqualTo(sectors);
    assertThat(RegionPartitioner.of(border, sites, 1, 1_000).regionCount()).isEqualTo(1);
    assertThatThrownBy(() -> RegionPartitioner.of(border, sites, 0, 1_000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ownerMatchesTheOracleOnRandomPoints() {
    RegionPartitioner p = RegionPartitioner.of(border, sites, 5, 3_000);
    Random rnd = new Random(18);
    for (int i = 0; i < 3_000; i++) {
      double[] xy = randomPointNearBorder(rnd, 15_000);
      double[] ll = border.toLatLon(xy[0], xy[1]);
      assertThat(p.ownerOf(ll[0], ll[1])).as("point %d at %.1f,%.1f", i, xy[0], xy[1])
          .isEqualTo(oracleOwner(p, xy[0], xy[1]));
    }
  }

  @Test
  void everyRegionOwningAPointWithinTheHaloReceivesTheObservation() {
    double halo = 2_000;
    RegionPartitioner p = RegionPartitioner.of(border, sites, 6, halo);
    Random rnd = new Random(1818);
    long routed = 0, needed = 0;
    for (int i = 0; i < 400; i++) {
      double[] xy = randomPointNearBorder(rnd, 8_000);
      double[] ll = border.toLatLon(xy[0], xy[1]);
      Observation o = Observation.builder(Instant.EPOCH, Kind.PATROL).position(ll[0], ll[1]).build();
      int[] got = p.regionsOf(o);
      Set<Integer> want = new HashSet<>();
      for (int ring = 0; ring <= 8; ring++) {
        double rad = halo * ring / 8;
        int steps = ring == 0 ? 1 : 48;
        for (int k = 0; k < steps; k++) {
          double a = 2 * Math.PI * k / steps;
          want.add(oracleOwner(p, xy[0] + rad * Math.cos(a), xy[1] + rad * Math.sin(a)));
        }
      }
      Set<Integer> gotSet = new HashSet<>();
      for (int g : got) {
        gotSet.add(g);
      }
      assertThat(gotSet).as("point %d", i).containsAll(want).contains(p.ownerOf(ll[0], ll[1]));
      assertThat(got).isSorted();
      routed += got.length;
      needed += want.size();
    }
    // The bound is conservative, but not wildly: at most half as many copies again as needed.
    assertThat((double) routed / needed).isLessThan(1.5);
  }

  @Test
  void aPointFarFromEveryOtherRegionGoesToItsOwnerOnly() {
    RegionPartitioner p = RegionPartitioner.of(border, sites, 4, 1_000);
    RegionPartitioner.Region r = p.regions().get(1);
    double mid = (r.fromM() + r.toM()) / 2;
    Coordinate c = new LengthIndexedLine(lineXy).extractPoint(mid);
    double[] ll = border.toLatLon(c.x, c.y);
    assertThat(p.regionsNear(ll[0], ll[1], 0)).containsExactly(1);
    assertThat(p.ownerOf(ll[0], ll[1])).isEqualTo(1);
  }

  @Test
  void polarPlotsArePlacedFromTheirSiteAndBareBearingsReachTheCameraRange() {
    RegionPartitioner p = RegionPartitioner.of(border, sites, 8, 1_000);
    List<Site> radars = new ArrayList<>();
    Site camera = null;
    for (Site s : sites.all()) {
      if (s.kind() == io.watchline.sites.SiteKind.RADAR) {
        radars.add(s);
      } else if (camera == null && s.kind() == io.watchline.sites.SiteKind.THERMAL) {
        camera = s;
      }
    }
    Site radar = radars.get(0);
    Observation polar = Observation.builder(Instant.EPOCH, Kind.RADAR).sensor(radar.id()).polar(3_000, 90).build();
    Geodesy.LatLon placed = radar.place(3_000, 90);
    assertThat(p.regionsOf(polar)).containsExactly(p.regionsNear(placed.lat(), placed.lon(), 0));

    Observation bare = Observation.builder(Instant.EPOCH, Kind.THERMAL).sensor(camera.id()).polar(Double.NaN, 45).build();
    assertThat(p.regionsOf(bare)).containsExactly(p.regionsNear(camera.lat(), camera.lon(), camera.rangeMaxM()));
    // Every region owning a point the camera can see gets its bearings.
    Set<Integer> got = new HashSet<>();
    for (int g : p.regionsOf(bare)) {
      got.add(g);
    }
    for (int b = 0; b < 360; b += 5) {
      Geodesy.LatLon seen = camera.place(camera.rangeMaxM(), b);
      assertThat(got).contains(p.ownerOf(seen.lat(), seen.lon()));
    }

    Observation unknown = Observation.builder(Instant.EPOCH, Kind.RADAR).sensor("NO-SUCH").polar(100, 10).build();
    assertThat(p.regionsOf(unknown)).containsExactly(0);
  }
}
