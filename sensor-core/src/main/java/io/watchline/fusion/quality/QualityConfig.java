package io.watchline.fusion.quality;

/**
 * What makes a track good enough to raise an incident: clutter rejection (hits, speed and turn
 * plausibility, the persistent-clutter map), the evidence an inferred crossing needs, and how long
 * a patrol's last fixes still explain a track after its GPS went quiet. Built by name:
 * {@code QualityConfig.builder().minHits(20).build()}; the reason for each default is next to it
 * (docs/fusion.md, "Track quality"). Immutable and thread-safe.
 *
 * @param minHits a track with fewer measurements raises nothing
 * @param minDurationMs ... nor one that lived less than this, ms
 * @param minCameraLedMs a track with fewer than {@code minHits} radar measurements (led by cameras) must live this
 *     long, ms
 * @param minRadarOnlyWalkMs a track at walking speed no camera saw must live this long, ms ...
 * @param radarOnlyManyPlotsPerScan ... unless its radars gave at least this many plots per {@code nominalScanMs} over
 *     its life (several radars saw it together, nearly every scan)
 * @param minWeakEchoWalkMs a track at walking speed no camera saw whose radars gave fewer than {@code
 *     weakEchoPlotsPerScan} plots per {@code nominalScanMs} over its life must live this long, ms ...
 * @param weakEchoPlotsPerScan ... (a herd's small echo, missed on many scans) ...
 * @param weakEchoMinPlotsPerScan ... but at least this many (fewer is a walker across a Doppler radar's beam, seen on a
 *     few scans a minute, not a weak echo)
 * @param maxSpeedMps a track faster than this (mean over its life) is clutter, m/s
 * @param maxWalkMps a track faster than this is a vehicle or clutter, m/s ...
 * @param minFastHits ... and needs this many measurements unless a camera calls it a vehicle
 * @param maxTurnDegPerS a track whose course turns faster than this on average is clutter, deg/s
 * @param minHitRatio measurements per expected scan (every {@code nominalScanMs}) over its life at least this
 * @param nominalScanMs the slowest scan a track's sensors are expected to report at, ms
 * @param inferMinHits a crossing inferred across a hole needs this many measurements on the lost side
 * @param inferMinDurationMs ... a lost track this long, ms
 * @param inferMinStraightness ... and a path at least this straight (net over walked distance)
 * @param clutterCellM the persistent-clutter map's cell size, m
 * @param clutterBinMs the map counts plots in time bins this long, ms ...
 * @param clutterMinPlots ... a bin with at least this many plots in a cell counts ...
 * @param clutterBins ... and a cell with that many counting bins in a row is persistent clutter
 * @param clutterShare a track with this share of its points in clutter cells raises nothing ...
 * @param clutterPassM ... unless it moved at least this far, first point to last, m ...
 * @param clutterPassStraightness ... on a path at least this straight (net over walked distance on 1-min points)
 * @param patrolMemoryMs a patrol's last fix still explains tracks this long after its GPS went quiet, ms
 * @param patrolDriftMps ... within the patrol gate plus this speed times the time since the fix, m/s
 * @param clutterPassStandM a track that began standing within this radius of its first point ...
 * @param clutterPassStandMs ... for at least this long is judged for {@code clutterPassM} and {@code
 *     clutterPassStraightness} from when it set off (a fixed echo of the field that a group walking past took over), ms
 * @param clutterStopRadiusM a track that ended sitting within this radius of its last point, in a clutter field, after a
 *     straight walk over the line stopped there: the field's echo took it over ({@code TrackQuality#stoppedInField}), m
 */
public record QualityConfig(
    int minHits,
    long minDurationMs,
    long minCameraLedMs,
    long minRadarOnlyWalkMs,
    double radarOnlyManyPlotsPerScan,
    long minWeakEchoWalkMs,
    double weakEchoPlotsPerScan,
    double weakEchoMinPlotsPerScan,
    double maxSpeedMps,
    double maxWalkMps,
    int minFastHits,
    double maxTurnDegPerS,
    double minHitRatio,
    long nominalScanMs,
    int inferMinHits,
    long inferMinDurationMs,
    double inferMinStraightness,
    double clutterCellM,
    long clutterBinMs,
    int clutterMinPlots,
    int clutterBins,
    double clutterShare,
    double clutterPassM,
    double clutterPassStraightness,
    long patrolMemoryMs,
    double patrolDriftMps,
    double clutterPassStandM,
    long clutterPassStandMs,
    double clutterStopRadiusM) {

  public static QualityConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.minHits = minHits;
    b.minDurationMs = minDurationMs;
    b.minCameraLedMs = minCameraLedMs;
    b.minRadarOnlyWalkMs = minRadarOnlyWalkMs;
    b.radarOnlyManyPlotsPerScan = radarOnlyManyPlotsPerScan;
    b.minWeakEchoWalkMs = minWeakEchoWalkMs;
    b.weakEchoPlotsPerScan = weakEchoPlotsPerScan;
    b.weakEchoMinPlotsPerScan = weakEchoMinPlotsPerScan;
    b.maxSpeedMps = maxSpeedMps;
    b.maxWalkMps = maxWalkMps;
    b.minFastHits = minFastHits;
    b.maxTurnDegPerS = maxTurnDegPerS;
    b.minHitRatio = minHitRatio;
    b.nominalScanMs = nominalScanMs;
    b.inferMinHits = inferMinHits;
    b.inferMinDurationMs = inferMinDurationMs;
    b.inferMinStraightness = inferMinStraightness;
    b.clutterCellM = clutterCellM;
    b.clutterBinMs = clutterBinMs;
    b.clutterMinPlots = clutterMinPlots;
    b.clutterBins = clutterBins;
    b.clutterShare = clutterShare;
    b.clutterPassM = clutterPassM;
    b.clutterPassStraightness = clutterPassStraightness;
    b.patrolMemoryMs = patrolMemoryMs;
    b.patrolDriftMps = patrolDriftMps;
    b.clutterPassStandM = clutterPassStandM;
    b.clutterPassStandMs = clutterPassStandMs;
    b.clutterStopRadiusM = clutterStopRadiusM;
    return b;
  }

  /** Builds a {@link QualityConfig} by name; every field starts at its default. Not thread-safe. */
  public static final class Builder {
    // clutter tracks of chance plots live for 6-13 hits; a walker seen for a minute has 25+
    private int minHits = 15;
    // three chance plots in a row last seconds; a target crossing a sensor's view lasts minutes
    private long minDurationMs = 45_000L;
    // a camera's false object lasts 5-60 s (two cameras' crossed, or a group's extra boxes, up to
    // ~2 min); a walker in a camera's view stays there for minutes
    private long minCameraLedMs = 180_000L;
    // a group walking to the line stays in a radar's view for its last minutes there and its first
    // ones across; a herd grazes in 100-300 m steps with pauses, so a radar follows it in pieces of
    // 1-5 min (and no camera calls it anything)
    private long minRadarOnlyWalkMs = 300_000L;
    // one radar gives at most a plot per scan, and a herd (smaller echo) is seen on ~60 % of scans: more
    // than two plots per 3 s scan means three or more radars saw the target together nearly every scan,
    // which chance plots never do and a herd seldom does; a group walking through overlapping
    // coverage does, and a few minutes of that is a real target
    private double radarOnlyManyPlotsPerScan = 2.5;
    // a herd's small echo is missed on ~40 % of scans, and one grazing step over the line is a straight
    // 100-300 m, 3-10 min, that a radar follows on its own: under one plot per 3 s scan a radar-only
    // walker must be followed for 15 min (people on foot gave 25-60 plots/min on the tuning nights
    // when seen so briefly, herds and wildlife pieces crossing the line 10-15/min)
    private long minWeakEchoWalkMs = 15 * 60_000L;
    private double weakEchoPlotsPerScan = 1.0;
    // a Doppler radar sees a walker crossing its beam on a few scans a minute (under 5/min): that is
    // no herd's echo (herd pieces gave 7-15/min on the tuning nights)
    private double weakEchoMinPlotsPerScan = 0.25;
    // nothing on the ground off-road goes faster; chance-plot tracks run at 10-47 m/s
    private double maxSpeedMps = 30;
    // a group walks at 0.5-2 m/s and runs briefly; faster is a vehicle or clutter
    private double maxWalkMps = 5;
    // a vehicle in view for a minute gives 30+ radar plots; a fast chance-plot track a dozen
    private int minFastHits = 40;
    // people and vehicles hold a course; chance plots zigzag (a vehicle on a 400 m bend at 15 m/s turns ~2 deg/s)
    private double maxTurnDegPerS = 12;
    // a track that coasts most of its life was made of chance plots; Doppler radars and sparse
    // sector radars still give a plot a minute on a real walker
    private double minHitRatio = 0.05;
    // the slowest radar scan in use (rotating radars 2-3 s)
    private long nominalScanMs = 3_000L;
    // an inferred crossing rests on the lost track alone: it must be a real target
    private int inferMinHits = 30;
    // ... seen long enough to know where it was going
    private long inferMinDurationMs = 120_000L;
    // ... and going somewhere (people walk to a goal)
    private double inferMinStraightness = 0.7;
    // a wind farm or a town spreads over a few hundred metres
    private double clutterCellM = 250;
    // long enough that a passer-by is a short visit
    private long clutterBinMs = 10 * 60_000L;
    // a turbine's echo gives ~100 plots per bin; chance plots one or two
    private int clutterMinPlots = 20;
    // 80 min in a row: a wind farm echoes all night, while a loiterer's 20-45 min stay with its
    // walk in and out touches up to seven bins (a 41-min stay from :09 to :50 filled six and
    // taught the map that the loiterer was clutter)
    private int clutterBins = 8;
    // a target that only passes a clutter cell keeps most of its points outside it
    private double clutterShare = 0.5;
    // a clutter field's chance tracks wander inside it (straightness <= 0.75, < 850 m first to last on
    // the tuning nights); a group or a vehicle walking straight through it on the way to the line goes
    // on (0.85-0.99 over 600-2800 m)
    private double clutterPassM = 600;
    private double clutterPassStraightness = 0.85;
    // GPS fixes drop for 2-12 min; the patrol is still where it was going
    private long patrolMemoryMs = 15 * 60_000L;
    // a foot patrol's pace: the gate widens as the last fix ages
    private double patrolDriftMps = 1.5;
    // a fixed echo wobbles within a few tens of metres; a walker leaves 100 m in a minute or two
    private double clutterPassStandM = 100;
    // a wind farm's fixed echo held a track for 21 min before a group walking through the field took
    // it over and crossed the line with it: 0.62 straight over its life, 0.98 from when it set off
    // (tuning night 43); the field's chance tracks wander inside it either way
    private long clutterPassStandMs = 5 * 60_000L;
    // a clutter spot's echoes scatter 100-200 m about it (one 250-m cell); the map marks the cells next to a
    // field's too, so a walker's first point "in the field" may lie 500 m short of where the field took it
    private double clutterStopRadiusM = 250;

    private Builder() {}

    public Builder minHits(int v) { minHits = v; return this; }

    public Builder minDurationMs(long v) { minDurationMs = v; return this; }

    public Builder minCameraLedMs(long v) { minCameraLedMs = v; return this; }

    public Builder minRadarOnlyWalkMs(long v) { minRadarOnlyWalkMs = v; return this; }

    public Builder radarOnlyManyPlotsPerScan(double v) { radarOnlyManyPlotsPerScan = v; return this; }

    public Builder minWeakEchoWalkMs(long v) { minWeakEchoWalkMs = v; return this; }

    public Builder weakEchoPlotsPerScan(double v) { weakEchoPlotsPerScan = v; return this; }

    public Builder weakEchoMinPlotsPerScan(double v) { weakEchoMinPlotsPerScan = v; return this; }

    public Builder maxSpeedMps(double v) { maxSpeedMps = v; return this; }

    public Builder maxWalkMps(double v) { maxWalkMps = v; return this; }

    public Builder minFastHits(int v) { minFastHits = v; return this; }

    public Builder maxTurnDegPerS(double v) { maxTurnDegPerS = v; return this; }

    public Builder minHitRatio(double v) { minHitRatio = v; return this; }

    public Builder nominalScanMs(long v) { nominalScanMs = v; return this; }

    public Builder inferMinHits(int v) { inferMinHits = v; return this; }

    public Builder inferMinDurationMs(long v) { inferMinDurationMs = v; return this; }

    public Builder inferMinStraightness(double v) { inferMinStraightness = v; return this; }

    public Builder clutterCellM(double v) { clutterCellM = v; return this; }

    public Builder clutterBinMs(long v) { clutterBinMs = v; return this; }

    public Builder clutterMinPlots(int v) { clutterMinPlots = v; return this; }

    public Builder clutterBins(int v) { clutterBins = v; return this; }

    public Builder clutterShare(double v) { clutterShare = v; return this; }

    public Builder clutterPassM(double v) { clutterPassM = v; return this; }

    public Builder clutterPassStraightness(double v) { clutterPassStraightness = v; return this; }

    public Builder patrolMemoryMs(long v) { patrolMemoryMs = v; return this; }

    public Builder patrolDriftMps(double v) { patrolDriftMps = v; return this; }

    public Builder clutterPassStandM(double v) { clutterPassStandM = v; return this; }

    public Builder clutterPassStandMs(long v) { clutterPassStandMs = v; return this; }

    public Builder clutterStopRadiusM(double v) { clutterStopRadiusM = v; return this; }

    public QualityConfig build() {
      return new QualityConfig(minHits, minDurationMs, minCameraLedMs, minRadarOnlyWalkMs, radarOnlyManyPlotsPerScan, minWeakEchoWalkMs,
          weakEchoPlotsPerScan, weakEchoMinPlotsPerScan, maxSpeedMps, maxWalkMps,
          minFastHits, maxTurnDegPerS, minHitRatio, nominalScanMs, inferMinHits, inferMinDurationMs, inferMinStraightness,
          clutterCellM, clutterBinMs, clutterMinPlots, clutterBins, clutterShare, clutterPassM, clutterPassStraightness, patrolMemoryMs, patrolDriftMps,
          clutterPassStandM, clutterPassStandMs, clutterStopRadiusM);
    }
  }
}
