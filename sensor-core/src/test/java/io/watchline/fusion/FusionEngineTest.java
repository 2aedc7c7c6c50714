package io.watchline.fusion;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.incident.IncidentConfig;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionEngineTest {

  private static List<Incident> fuse(Synth s, List<TrackSummary> tracks) {
    return fuse(s, tracks, 0.5);
  }

  private static List<Incident> fuse(Synth s, List<TrackSummary> tracks, double minScore) {
    return fuse(s, Synth.SITES, tracks, minScore);
  }

  private static List<Incident> fuse(Synth s, SiteRegistry sites, List<TrackSummary> tracks, double minScore) {
    List<Incident> out = new ArrayList<>();
    FusionEngine e = new FusionEngine(Synth.BORDER, sites, FusionConfig.defaults(), tracks::add, minScore, out::add);
    for (Observation o : s.observations()) {
      e.accept(o);
    }
    try {
      e.finish();
    } catch (java.io.IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
    assertThat(e.lateCandidates()).as("candidates after their time was released").isZero();
    return out;
  }

  /** Fuses everything with no score floor; the engine is returned for its statistics. */
  private static FusionEngine run(Synth s, List<TrackSummary> tracks, List<Incident> out) {
    FusionEngine e = new FusionEngine(Synth.BORDER, Synth.SITES, FusionConfig.defaults(), tracks::add, 0.0, out::add);
    s.observations().forEach(e::accept);
    try {
      e.finish();
    } catch (java.io.IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
    return e;
  }

  @Test
  void incidentsAreHandedOnDuringTheRunOnceNoLiveTrackCanPrecedeThem() throws Exception {
    // a walker crossing at 23:07, another two hours later
    Synth s = new Synth(3).radarTarget(Synth.T0, 300, 600, 0.2, -1.4, 900, 2, 0.85)
        .radarTarget(Synth.T0 + 7_200_000, -300, 600, 0.2, -1.4, 900, 2, 0.85);
    List<Incident> out = new ArrayList<>();
    long[] feedTimeAtFirst = {-1};
    long[] now = {0};
    FusionEngine e = new FusionEngine(Synth.BORDER, Synth.SITES, FusionConfig.defaults(), TrackSink.NONE, 0.5, i -> {
      if (out.isEmpty()) feedTimeAtFirst[0] = now[0];
      out.add(i);
    });
    for (Observation o : s.observations()) {
      now[0] = o.t().toEpochMilli();
      e.accept(o);
    }
    e.finish();
    assertThat(out).hasSize(2);
    assertThat(out).extracting(Incident::id).containsExactly("INC-20261127-0001", "INC-20261128-0001");
    // the first came out long before the second walker was even seen
    assertThat(feedTimeAtFirst[0]).isBetween(Synth.T0 + 900_000, Synth.T0 + 7_200_000);
    assertThat(e.heldCandidates()).isZero();
    assertThat(out.get(0).evidence()).hasSizeGreaterThan(300).doesNotHaveDuplicates();
    assertThat(out.get(0).track()).hasSizeGreaterThan(300);
  }

  @Test
  void aFastTrackOfAFewChancePlotsAcrossTheLineRaisesNothing() {
    // the clutter tracks of a real night: a dozen plots at 20 m/s over the line
    Synth s = new Synth(5).radarTarget(Synth.T0, 0, 150, 0, -20, 20, 2, 1.0);
    List<TrackSummary> tracks = new ArrayList<>();
    List<Incident> out = new ArrayList<>();
    FusionEngine e = run(s, tracks, out);
    assertThat(tracks).isNotEmpty(); // it was a confirmed track ...
    assertThat(e.stats().weakTracks).isPositive(); // ... judged too weak
    assertThat(out).isEmpty();
  }

  @Test
  void aGroupThatCrossesAndComesBackTenMinutesLaterIsTwoCrossings() {
    Synth s = new Synth(6);
    long t = Synth.T0;
    double n = 500;
    for (; n > -480; n -= 2.8, t += 2000) s.radarPlot(t, Synth.at(300, n)[0], Synth.at(300, n)[1]);
    for (long end = t + 600_000; t < end; t += 2000) s.radarPlot(t, Synth.at(300, n)[0], Synth.at(300, n)[1]);
    for (; n < 500; n += 2.8, t += 2000) s.radarPlot(t, Synth.at(500, n)[0], Synth.at(500, n)[1]);
    List<Incident> inc = fuse(s, new ArrayList<>());
    assertThat(inc).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING, IncidentKind.CROSSING);
    assertThat(inc).extracting(Incident::side).containsExactly("N→S", "S→N");
  }

  @Test
  void anAnimalWanderingOverTheLineAndBackIsOneCrossing() {
    // the same timing as the group above, but both legs zigzag (±50° every 150 m): no confident return
    Synth s = new Synth(6);
    long t = Synth.T0;
    double e = 300, n = 500;
    int leg = 0;
    for (; n > -480; t += 2000, leg++) {
      double side = (leg / 54) % 2 == 0 ? 1 : -1; // 54 plots of 2 s at 1.4 m/s = 150 m
      e += side * 1.4 * 2 * Math.sin(Math.toRadians(50));
      n -= 1.4 * 2 * Math.cos(Math.toRadians(50));
      s.radarPlot(t, Synth.at(e, n)[0], Synth.at(e, n)[1]);
    }
    for (long end = t + 600_000; t < end; t += 2000) s.radarPlot(t, Synth.at(e, n)[0], Synth.at(e, n)[1]);
    for (leg = 0; n < 500; t += 2000, leg++) {
      double side = (leg / 54) % 2 == 0 ? 1 : -1;
      e += side * 1.4 * 2 * Math.sin(Math.toRadians(50));
      n += 1.4 * 2 * Math.cos(Math.toRadians(50));
      s.radarPlot(t, Synth.at(e, n)[0], Synth.at(e, n)[1]);
    }
    // radar alone, nobody classified it, wandering: a herd grazing over the line, no crossing at all
    assertThat(fuse(s, new ArrayList<>(), 0.0)).extracting(Incident::kind).doesNotContain(IncidentKind.CROSSING);
    // and without that rule, still one crossing, not a return
    FusionConfig any = FusionConfig.defaults().toBuilder()
        .incidents(IncidentConfig.defaults().toBuilder().unclassifiedMinStraightness(0).build()).build();
    List<Incident> inc = new ArrayList<>();
    FusionEngine engine = new FusionEngine(Synth.BORDER, Synth.SITES, any, x -> {}, 0.0, inc::add);
    for (Observation o : s.observations()) engine.accept(o);
    try {
      engine.finish();
    } catch (java.io.IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
    assertThat(inc).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
  }

  @Test
  void aWalkerCrossingNorthToSouthIsOneSeenCrossingWithItsEvidence() {
    Synth s = new Synth(1).radarTarget(Synth.T0, 300, 600, 0.2, -1.4, 900, 2, 0.85);
    List<TrackSummary> tracks = new ArrayList<>();
    List<Incident> inc = fuse(s, tracks);
    assertThat(inc).hasSize(1);
    Incident i = inc.get(0);
    assertThat(i.kind()).isEqualTo(IncidentKind.CROSSING);
    assertThat(i.side()).isEqualTo("N→S");
    assertThat(i.factors()).containsEntry("crossing", "seen").containsEntry("night", true);
    // true crossing: 600 m / 1.4 m/s = 428.6 s after start, 300 + 0.2 * 428.6 = 385.7 m east
    double[] truth = Synth.at(385.7, 0);
    assertThat(metres(i.lat(), i.lon(), truth[0], truth[1])).isLessThan(40);
    long crossedAt = java.time.Instant.parse((String) i.factors().get("event_t")).toEpochMilli();
    assertThat(Math.abs(crossedAt - (Synth.T0 + 428_600))).isLessThan(20_000);
    assertThat(i.id()).isEqualTo("INC-20261127-0001");
    assertThat(i.evidence()).hasSizeGreaterThan(300);
    assertThat(i.score()).isBetween(0.5, 1.0);
  }

  @Test
  void aTrackMovingWithAPatrolWhoseGpsIsInTheFeedYieldsNoIncident() {
    Synth s = new Synth(2)
        .radarTarget(Synth.T0, -500, 500, 0.1, -1.2, 900, 2, 0.9)
        .patrol("PATROL-7", Synth.T0, -500, 500, 0.1, -1.2, 900, 10);
    List<TrackSummary> tracks = new ArrayList<>();
    assertThat(fuse(s, tracks)).isEmpty();
    assertThat(tracks).anySatisfy(t -> {
      assertThat(t.label()).isEqualTo("patrol");
      assertThat(t.patrolUnit()).isEqualTo("PATROL-7");
      assertThat(t.patrolDistanceM()).isLessThan(40);
    });
    // the same walk without the patrol's GPS is a crossing
    Synth alone = new Synth(2).radarTarget(Synth.T0, -500, 500, 0.1, -1.2, 900, 2, 0.9);
    assertThat(fuse(alone, new ArrayList<>())).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
  }

  @Test
  void aSmugglerPassingAPatrolIsNotSuppressed() {
    Synth s = new Synth(3)
        .radarTarget(Synth.T0, 0, 800, 0, -1.5, 1000, 2, 0.9)
        // patrol walks east along the border, passing the crossing point briefly
        .patrol("PATROL-1", Synth.T0, -3000, 150, 6, 0, 1000, 10);
    List<Incident> inc = fuse(s, new ArrayList<>());
    assertThat(inc).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
  }

  @Test
  void cameraOnlyCrossingIsPlacedByCrossedBearingsAndCorroboratedRadarScoresHigher() {
    // radar shadow: only the two cameras see this walker
    Synth cams = new Synth(4)
        .cameraTarget(Synth.CAM_W, Synth.T0, 0, 500, 0.3, -1.3, 800, "human")
        .cameraTarget(Synth.CAM_E, Synth.T0, 0, 500, 0.3, -1.3, 800, "human");
    List<Incident> inc = fuse(cams, new ArrayList<>());
    assertThat(inc).hasSize(1);
    assertThat(inc.get(0).kind()).isEqualTo(IncidentKind.CROSSING);
    double[] truth = Synth.at(0.3 * 500 / 1.3, 0);
    assertThat(metres(inc.get(0).lat(), inc.get(0).lon(), truth[0], truth[1])).isLessThan(60);

    Synth radarOnly = new Synth(5).radarTarget(Synth.T0, 0, 500, 0.3, -1.3, 800, 2, 0.9);
    Synth both = new Synth(5).radarTarget(Synth.T0, 0, 500, 0.3, -1.3, 800, 2, 0.9)
        .cameraTarget(Synth.CAM_W, Synth.T0, 0, 500, 0.3, -1.3, 800, "human");
    Incident r = fuse(radarOnly, new ArrayList<>()).get(0);
    Incident b = fuse(both, new ArrayList<>()).get(0);
    assertThat(r.factors()).containsEntry("corroborated", 1);
    assertThat(b.factors()).containsEntry("corroborated", 2).containsEntry("cls", "human");
    assertThat(b.score()).isGreaterThan(r.score());
  }

  @Test
  void aGroupTheCamerasCallAnimalForMostOfItsWalkIsStillACrossingButAnAnimalIsNot() {
    // the walk is 4.7 km from both cameras; here they recognise at that range (recognition_range_m 6 km)
    SiteRegistry recognising = new SiteRegistry(List.of(Synth.RADAR, recognising(Synth.CAM_W), recognising(Synth.CAM_E)));
    // only cameras see it; from 150 s on both call it "animal" for the rest of its 400 s walk
    Synth walk = new Synth(9)
        .cameraTarget(Synth.CAM_W, Synth.T0, 0, 300, 0.3, -1.3, 400, "human", 150, "animal")
        .cameraTarget(Synth.CAM_E, Synth.T0, 0, 300, 0.3, -1.3, 400, "human", 150, "animal");
    List<Incident> inc = fuse(walk, recognising, new ArrayList<>(), 0.5);
    assertThat(inc).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
    double[] truth = Synth.at(0.3 * 300 / 1.3, 0);
    assertThat(metres(inc.get(0).lat(), inc.get(0).lon(), truth[0], truth[1])).isLessThan(60);
    assertThat(inc.get(0).factors()).containsEntry("cls", "animal");
    // the same walk called "animal" throughout is an animal: no incident
    Synth animal = new Synth(9)
        .cameraTarget(Synth.CAM_W, Synth.T0, 0, 300, 0.3, -1.3, 400, "animal")
        .cameraTarget(Synth.CAM_E, Synth.T0, 0, 300, 0.3, -1.3, 400, "animal");
    assertThat(fuse(animal, recognising, new ArrayList<>(), 0.5)).isEmpty();
    // cameras that recognise at 3 km (half their 6 km range, the default) mostly guess at 4.7 km:
    // their "animal" is weak evidence, and the walk over the line is a crossing
    List<Incident> far = fuse(animal, new ArrayList<>());
    assertThat(far).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
    assertThat((Double) far.get(0).factors().get("cls_share")).isLessThan(0.3);
  }

  private static Site recognising(Site cam) {
    return new Site(cam.id(), cam.kind(), cam.lat(), cam.lon(), cam.heightM(), cam.azimuthDeg(), cam.fovDeg(), cam.rangeMinM(),
        cam.rangeMaxM(), cam.sac(), cam.sic(), cam.clockOffsetMs(), cam.lens(), Double.NaN, Double.NaN, 6000);
  }

  @Test
  void aCameraFalseObjectOfAMinuteOverTheLineRaisesNothingButAWalkerCamerasFollowForMinutesDoes() {
    // both cameras report one false object for 60 s; crossed, it is a track over the line
    Synth ghost = new Synth(7)
        .cameraTarget(Synth.CAM_W, Synth.T0, 0, 40, 0.3, -1.3, 60, "human")
        .cameraTarget(Synth.CAM_E, Synth.T0, 0, 40, 0.3, -1.3, 60, "human");
    List<TrackSummary> tracks = new ArrayList<>();
    List<Incident> out = new ArrayList<>();
    FusionEngine e = run(ghost, tracks, out);
    assertThat(tracks).isNotEmpty();
    assertThat(e.stats().weakTracks).isPositive();
    assertThat(out).isEmpty();
    // the same walker followed for four minutes is a crossing
    Synth walker = new Synth(7)
        .cameraTarget(Synth.CAM_W, Synth.T0, 0, 150, 0.3, -1.3, 240, "human")
        .cameraTarget(Synth.CAM_E, Synth.T0, 0, 150, 0.3, -1.3, 240, "human");
    assertThat(fuse(walker, new ArrayList<>())).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
  }

  @Test
  void aRadarOnlyPieceOfAFewMinutesAtAWalkersPaceOverTheLineIsNotACrossing() {
    // a herd grazing over the line: the radar follows it for 3 min, no camera sees it
    Synth piece = new Synth(8).radarTarget(Synth.T0, 300, 120, 0.2, -1.4, 180, 2, 0.9);
    List<TrackSummary> tracks = new ArrayList<>();
    assertThat(fuse(piece, tracks, 0.0)).isEmpty();
    assertThat(tracks).isNotEmpty();
    // a camera on it, or a walk followed for 7 min, is evidence enough
    Synth seen = new Synth(8).radarTarget(Synth.T0, 300, 120, 0.2, -1.4, 180, 2, 0.9)
        .cameraTarget(Synth.CAM_W, Synth.T0, 300, 120, 0.2, -1.4, 180, "human");
    assertThat(fuse(seen, new ArrayList<>())).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
    Synth walk = new Synth(8).radarTarget(Synth.T0, 300, 290, 0.2, -1.4, 420, 2, 0.9);
    assertThat(fuse(walk, new ArrayList<>())).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
  }

  @Test
  void aRadarOnlyPieceThatThreeRadarsSawTogetherOnNearlyEveryScanIsACrossing() {
    // the herd test's 3-min piece, but three overlapping radars each see it on 90 % of their 2-s
    // scans (4 plots per 3 s, more than two radars give): a real target, not chance plots or a herd
    Site east = new Site("RDR-2", SiteKind.RADAR, 42.03, 19.13, 8, 180, 360, 50, 12000, -1, -1, 0);
    Site south = new Site("RDR-3", SiteKind.RADAR, 41.975, 19.09, 8, 0, 360, 50, 12000, -1, -1, 0);
    SiteRegistry sites = new SiteRegistry(List.of(Synth.RADAR, east, south, Synth.CAM_W, Synth.CAM_E));
    Synth three = new Synth(8);
    Synth herd = new Synth(8);
    long offset = 0;
    for (Site r : List.of(Synth.RADAR, east, south)) {
      three.radarTarget(r, Synth.T0 + offset, 300, 120, 0.2, -1.4, 180, 2, 0.9);
      // a herd's weaker echo: each radar sees it on half its scans (2.25 plots per 3 s)
      herd.radarTarget(r, Synth.T0 + offset, 300, 120, 0.2, -1.4, 180, 2, 0.5);
      offset += 700;
    }
    List<Incident> inc = fuse(three, sites, new ArrayList<>(), 0.5);
    assertThat(inc).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
    double[] truth = Synth.at(300 + 0.2 * 120 / 1.4, 0);
    assertThat(metres(inc.get(0).lat(), inc.get(0).lon(), truth[0], truth[1])).isLessThan(60);
    assertThat(fuse(herd, sites, new ArrayList<>(), 0.0)).isEmpty();
  }

  @Test
  void aWalkerADopplerRadarSeesInPiecesAcrossTheLineIsOneCrossingAZigzagIsNone() {
    // walking south at 1.2 m/s across the radar's beam, seen in a 16-s burst once a minute: each
    // burst is a track of ~8 plots, too few to be anything alone; one after the other on one course
    // they are one walker, 25 min up to the line and 15 min beyond it
    double v = 1.2;
    Synth pieces = new Synth(9);
    for (int k = 0; k < 40; k++) {
      pieces.radarTarget(Synth.T0 + k * 60_000L, 0, 1500 - v * 60 * k, 0, -v, 16, 2, 0.95);
    }
    List<Incident> inc = fuse(pieces, new ArrayList<>());
    assertThat(inc).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
    double[] truth = Synth.at(0, 0);
    assertThat(metres(inc.get(0).lat(), inc.get(0).lon(), truth[0], truth[1])).isLessThan(100);
    long truthMs = Synth.T0 + Math.round(1500 / v * 1000);
    assertThat(Math.abs(inc.get(0).eventTime().toEpochMilli() - truthMs)).isLessThan(120_000L);
    // a herd grazing over the line: the same bursts, but every two minutes it swings 50 degrees the other way
    Synth zigzag = new Synth(9);
    double e = 0, n = 1500;
    for (int k = 0; k < 40; k++) {
      double course = Math.toRadians(k / 2 % 2 == 0 ? 130 : 230);
      double ve = v * Math.sin(course), vn = v * Math.cos(course);
      zigzag.radarTarget(Synth.T0 + k * 60_000L, e, n, ve, vn, 16, 2, 0.95);
      e += ve * 60;
      n += vn * 60;
    }
    assertThat(fuse(zigzag, new ArrayList<>(), 0.0)).isEmpty();
  }

  @Test
  void aWalkerADopplerRadarSeesAsLonePlotsAmongFalseOnesIsOneCrossingTheFalsePlotsAloneNone() {
    // walking south at 1.2 m/s across the beam, seen on 6 % of 3-s scans (about one plot a
    // minute, hardly ever three within 15 s: no track confirms), among ~15 false plots a minute
    // around the line; 25 min up to the line, 20 min beyond it
    double v = 1.2;
    Synth walker = new Synth(21).radarTarget(Synth.T0, 0, 1800, 0, -v, 45 * 60, 3, 0.06).clutter(Synth.T0, 45 * 60, 0.5);
    List<Incident> inc = fuse(walker, new ArrayList<>());
    assertThat(inc).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
    double[] truth = Synth.at(0, 0);
    assertThat(metres(inc.get(0).lat(), inc.get(0).lon(), truth[0], truth[1])).isLessThan(150);
    long truthMs = Synth.T0 + Math.round(1800 / v * 1000);
    assertThat(Math.abs(inc.get(0).eventTime().toEpochMilli() - truthMs)).isLessThan(180_000L);
    // the same false plots with nobody walking: nothing at any score
    assertThat(fuse(new Synth(21).clutter(Synth.T0, 45 * 60, 0.5), new ArrayList<>(), 0.0)).isEmpty();
  }

  @Test
  void whereFalsePlotsAreDenseLonePlotsMakeNoChanceCrossing() {
    // a short-range radar: ~8 false plots a minute per km² around the line for two hours; links over
    // a minute's gap there would be guesses, and strung together they walk over the line
    for (long seed = 31; seed <= 33; seed++) {
      assertThat(fuse(new Synth(seed).clutter(Synth.T0, 120 * 60, 8), new ArrayList<>(), 0.0)).as("seed %d", seed)
          .extracting(Incident::kind).doesNotContain(IncidentKind.CROSSING);
    }
  }

  @Test
  void aVehicleLostBeforeTheLineInfersNoCrossingButAWalkerLostThereDoes() {
    // a car on the road drives towards the line at 15 m/s and turns off 1.2 km before it: the radar
    // loses it there and nothing comes out on the other side; its course projected for the walker's
    // minutes would cross kilometres away, over the tracker's coast it stays short of the line
    Synth car = new Synth(10).radarTarget(Synth.T0, 500, 3000, 0, -15, 120, 2, 0.9);
    assertThat(fuse(car, new ArrayList<>())).extracting(Incident::kind).doesNotContain(IncidentKind.CROSSING);
    // a walker lost 300 m before the line (what a Doppler radar stops seeing) walked on over it
    Synth walker = new Synth(10).radarTarget(Synth.T0, 500, 860, 0, -1.4, 400, 2, 0.9);
    List<Incident> inc = fuse(walker, new ArrayList<>());
    assertThat(inc).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
    assertThat(inc.get(0).factors()).containsEntry("crossing", "inferred");
    double[] truth = Synth.at(500, 0);
    assertThat(metres(inc.get(0).lat(), inc.get(0).lon(), truth[0], truth[1])).isLessThan(100);
  }

  @Test
  void clutterAloneMakesNoIncidentAndIdsAreStable() {
    Synth s = new Synth(6).clutter(Synth.T0, 3600, 0.5).radarTarget(Synth.T0 + 600_000, 2000, -700, -0.2, 1.3, 1000, 2, 0.85);
    List<Incident> a = fuse(s, new ArrayList<>());
    List<Incident> b = fuse(s, new ArrayList<>());
    assertThat(a).extracting(Incident::kind).containsExactly(IncidentKind.CROSSING);
    assertThat(a.get(0).side()).isEqualTo("S→N");
    assertThat(a).isEqualTo(b);
  }

  static double metres(double lat1, double lon1, double lat2, double lon2) {
    return io.watchline.geo.geodesy.Geodesy.distance(lat1, lon1, lat2, lon2);
  }
}
