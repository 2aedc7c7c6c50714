package io.watchline.fusion.track;

/**
 * Tracker parameters, built by name: {@code TrackerConfig.builder().gateChi2(9.21).build()}, or
 * {@link #defaults()} and {@link #toBuilder()} to change one. docs/fusion.md says why each default
 * is what it is. Values are not checked: a zero gate or window simply starts or keeps no tracks.
 * Immutable and thread-safe.
 *
 * @param accelNoiseM2PerS3 white-acceleration spectral density q of the constant-velocity model, m²/s³: a
 *     walker's speed drifts about sqrt(q·dt) m/s over dt seconds
 * @param gateChi2 Mahalanobis gate on the squared innovation (chi-square, 2 degrees of freedom)
 * @param initSpeedSigmaMps velocity standard deviation of a new track, m/s (its velocity starts at 0)
 * @param confirmHits M of the M-of-N rule: hits a tentative track needs ...
 * @param confirmWindowMs ... within this time from its first hit, ms (N as time: radars of 1 s and 2 s and cameras
 *     of 1 s feed one track); a tentative track is deleted after this long
 * @param maxCoastMs a confirmed track without an update for this long is closed, ms (an established one later, below)
 * @param coarseGateM tracks farther than this (plus {@code maxTargetSpeedMps} times their age) from every plot of a
 *     scan are not even predicted, m
 * @param maxTargetSpeedMps the fastest target followed, m/s (widens the coarse gate with a track's age)
 * @param tentativePenalty added to a tentative track's gate distance, so that a confirmed track wins a plot both want
 * @param nearConfirmedGateFactor a plot within this many gates of a confirmed track seeds nothing (it would duplicate that
 *     target) ...
 * @param secondObjectM ... unless the track got its own plot in the same scan farther than this away, m: one plot per
 *     object per scan, so that is a second object
 * @param distinctStartM a duplicate track that began farther than this from the older one followed a target of its own
 *     (two groups that met), m: it is closed with its own history, not folded in
 * @param duplicateDistanceM confirmed tracks closer than this ...
 * @param duplicateSpeedDiffMps ... whose velocities differ by less than this are one target, m/s (a feed track and a plot
 *     track of one target; two tracks on one group)
 * @param feedSplitReports a feed track number folded into another track whose last this many reports lie apart from the
 *     other number's (on average farther than {@code secondObjectM}, and outside the gate of the mean) gets its own
 *     track again: the group the two numbers followed together has split ({@code FeedSplits})
 * @param cameraObjectWindowMs a camera measurement of object B is not gated to a track that the same camera updated with
 *     its object A less than this before ...
 * @param cameraObjectApartM ... farther than this from the B report, m: the camera itself tells them apart
 * @param establishedHits a confirmed track with at least this many hits ...
 * @param establishedMinSpeedMps ... moving at least this fast (its filter's speed), m/s, is established ...
 * @param establishedCoastMs ... and is closed only after this long without an update, ms (instead of {@code maxCoastMs});
 *     a standing target lost is left to the stay (loiter) logic, which reads the glimpses after it
 * @param coastedReachM a track unseen for longer than {@code maxCoastMs} takes only plots within this ...
 * @param coastedReachMps ... plus this much per second unseen of where it was predicted, m and m/s: a target that was
 *     not seen for a minute may have stopped or turned, but it did not run (its predicted position's uncertainty grows
 *     with the cube of the time, and the gate with it, until it takes a plot of anything a kilometre away)
 * @param missedChance a confirmed track unseen for longer than that is kept while the sensors that cover
 *     where it would be had at least this chance of missing it all that time (a walker across a Doppler radar's beam;
 *     the sites' {@code Detection} figures, {@link Deleter#expectingMisses}) ...
 * @param maxMissedCoastMs ... but no longer than this without an update, ms
 */
public record TrackerConfig(
    double accelNoiseM2PerS3,
    double gateChi2,
    double initSpeedSigmaMps,
    int confirmHits,
    long confirmWindowMs,
    long maxCoastMs,
    double coarseGateM,
    double maxTargetSpeedMps,
    double tentativePenalty,
    double nearConfirmedGateFactor,
    double secondObjectM,
    double distinctStartM,
    double duplicateDistanceM,
    double duplicateSpeedDiffMps,
    int feedSplitReports,
    long cameraObjectWindowMs,
    double cameraObjectApartM,
    int establishedHits,
    double establishedMinSpeedMps,
    long establishedCoastMs,
    double coastedReachM,
    double coastedReachMps,
    double missedChance,
    long maxMissedCoastMs) {

  /** The values the simulated nights of docs/fusion.md were measured with. */
  public static TrackerConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to change some of them by name. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accelNoiseM2PerS3 = accelNoiseM2PerS3;
    b.gateChi2 = gateChi2;
    b.initSpeedSigmaMps = initSpeedSigmaMps;
    b.confirmHits = confirmHits;
    b.confirmWindowMs = confirmWindowMs;
    b.maxCoastMs = maxCoastMs;
    b.coarseGateM = coarseGateM;
    b.maxTargetSpeedMps = maxTargetSpeedMps;
    b.tentativePenalty = tentativePenalty;
    b.nearConfirmedGateFactor = nearConfirmedGateFactor;
    b.secondObjectM = secondObjectM;
    b.distinctStartM = distinctStartM;
    b.duplicateDistanceM = duplicateDistanceM;
    b.duplicateSpeedDiffMps = duplicateSpeedDiffMps;
    b.feedSplitReports = feedSplitReports;
    b.cameraObjectWindowMs = cameraObjectWindowMs;
    b.cameraObjectApartM = cameraObjectApartM;
    b.establishedHits = establishedHits;
    b.establishedMinSpeedMps = establishedMinSpeedMps;
    b.establishedCoastMs = establishedCoastMs;
    b.coastedReachM = coastedReachM;
    b.coastedReachMps = coastedReachMps;
    b.missedChance = missedChance;
    b.maxMissedCoastMs = maxMissedCoastMs;
    return b;
  }

  /** Builds a {@link TrackerConfig} by name; every field starts at its default (the reason is next to it). Not thread-safe. */
  public static final class Builder {
    // a walker's speed drifts ~0.3 m/s per 2 s scan; a vehicle turning at 8 m/s on 400 m is still followed
    private double accelNoiseM2PerS3 = 0.05;
    // chi-square 2 dof at 99.9 %: a true plot is rarely gated out
    private double gateChi2 = 13.8;
    // ~2 sigma = 16 m/s covers walkers and vehicles off-road
    private double initSpeedSigmaMps = 8.0;
    // clutter rarely lines up three times
    private int confirmHits = 3;
    // three 2 s scans with two misses
    private long confirmWindowMs = 15_000L;
    // bridges a radar's short dropouts and a walker behind a tree line
    private long maxCoastMs = 30_000L;
    // no gate reaches that far: this only saves work
    private double coarseGateM = 2_000;
    // a vehicle on a road
    private double maxTargetSpeedMps = 60;
    // +1 on d² breaks ties without overriding a clearly better fit
    private double tentativePenalty = 1;
    // a second plot of the same target lands just outside its gate
    private double nearConfirmedGateFactor = 2;
    // a group's spread stays under 80 m
    private double secondObjectM = 80;
    // duplicates begin next to the track they duplicate
    private double distinctStartM = 150;
    // a feed track and a plot track of one target lie within 40 m
    private double duplicateDistanceM = 40;
    // one target's two tracks agree on velocity within 1 m/s
    private double duplicateSpeedDiffMps = 1.0;
    // ten 1-2 s reports: their mean offset is known to ~20 m 5 km from a radar, and a group's two numbers stay within 80 m
    private int feedSplitReports = 10;
    // a camera reports each object every second and gives a new id only after losing it for seconds
    private long cameraObjectWindowMs = 3_000L;
    // a group's pieces lie metres apart and a range finder's error is tens of metres
    private double cameraObjectApartM = 150;
    // a minute of plots (a camera's 1 s reports, half an hour of a Doppler radar's glimpses): no chance
    // plots of clutter line up that long
    private int establishedHits = 30;
    // a walk; a group standing when it was lost is found again by the loiter rules, not by prediction
    private double establishedMinSpeedMps = 0.5;
    // bridges a tracking radar's lost-and-new track numbers, a group's halt and a walk behind a ridge
    private long establishedCoastMs = 90_000L;
    // a plot's error near the line, and a walker's pace
    private double coastedReachM = 50;
    private double coastedReachMps = 1.5;
    // a live target the sensors miss on 99 % of such stretches is let go: most of the time it was gone
    private double missedChance = 0.01;
    // a walker unseen for minutes is better found again by the fragment chains than predicted on
    private long maxMissedCoastMs = 180_000L;

    private Builder() {}

    /** See {@link TrackerConfig#accelNoiseM2PerS3()}. */
    public Builder accelNoiseM2PerS3(double v) {
      accelNoiseM2PerS3 = v;
      return this;
    }

    /** See {@link TrackerConfig#gateChi2()}. */
    public Builder gateChi2(double v) {
      gateChi2 = v;
      return this;
    }

    /** See {@link TrackerConfig#initSpeedSigmaMps()}. */
    public Builder initSpeedSigmaMps(double v) {
      initSpeedSigmaMps = v;
      return this;
    }

    /** See {@link TrackerConfig#confirmHits()}. */
    public Builder confirmHits(int v) {
      confirmHits = v;
      return this;
    }

    /** See {@link TrackerConfig#confirmWindowMs()}. */
    public Builder confirmWindowMs(long v) {
      confirmWindowMs = v;
      return this;
    }

    /** See {@link TrackerConfig#maxCoastMs()}. */
    public Builder maxCoastMs(long v) {
      maxCoastMs = v;
      return this;
    }

    /** See {@link TrackerConfig#coarseGateM()}. */
    public Builder coarseGateM(double v) {
      coarseGateM = v;
      return this;
    }

    /** See {@link TrackerConfig#maxTargetSpeedMps()}. */
    public Builder maxTargetSpeedMps(double v) {
      maxTargetSpeedMps = v;
      return this;
    }

    /** See {@link TrackerConfig#tentativePenalty()}. */
    public Builder tentativePenalty(double v) {
      tentativePenalty = v;
      return this;
    }

    /** See {@link TrackerConfig#nearConfirmedGateFactor()}. */
    public Builder nearConfirmedGateFactor(double v) {
      nearConfirmedGateFactor = v;
      return this;
    }

    /** See {@link TrackerConfig#secondObjectM()}. */
    public Builder secondObjectM(double v) {
      secondObjectM = v;
      return this;
    }

    /** See {@link TrackerConfig#distinctStartM()}. */
    public Builder distinctStartM(double v) {
      distinctStartM = v;
      return this;
    }

    /** See {@link TrackerConfig#duplicateDistanceM()}. */
    public Builder duplicateDistanceM(double v) {
      duplicateDistanceM = v;
      return this;
    }

    /** See {@link TrackerConfig#duplicateSpeedDiffMps()}. */
    public Builder duplicateSpeedDiffMps(double v) {
      duplicateSpeedDiffMps = v;
      return this;
    }

    /** See {@link TrackerConfig#feedSplitReports()}. */
    public Builder feedSplitReports(int v) {
      feedSplitReports = v;
      return this;
    }

    /** See {@link TrackerConfig#cameraObjectWindowMs()}. */
    public Builder cameraObjectWindowMs(long v) {
      cameraObjectWindowMs = v;
      return this;
    }

    /** See {@link TrackerConfig#cameraObjectApartM()}. */
    public Builder cameraObjectApartM(double v) {
      cameraObjectApartM = v;
      return this;
    }

    /** See {@link TrackerConfig#establishedHits()}. */
    public Builder establishedHits(int v) {
      establishedHits = v;
      return this;
    }

    /** See {@link TrackerConfig#establishedMinSpeedMps()}. */
    public Builder establishedMinSpeedMps(double v) {
      establishedMinSpeedMps = v;
      return this;
    }

    /** See {@link TrackerConfig#establishedCoastMs()}. */
    public Builder establishedCoastMs(long v) {
      establishedCoastMs = v;
      return this;
    }

    /** See {@link TrackerConfig#coastedReachM()}. */
    public Builder coastedReachM(double v) {
      coastedReachM = v;
      return this;
    }

    /** See {@link TrackerConfig#coastedReachMps()}. */
    public Builder coastedReachMps(double v) {
      coastedReachMps = v;
      return this;
    }

    /** See {@link TrackerConfig#missedChance()}. */
    public Builder missedChance(double v) {
      missedChance = v;
      return this;
    }

    /** See {@link TrackerConfig#maxMissedCoastMs()}. */
    public Builder maxMissedCoastMs(long v) {
      maxMissedCoastMs = v;
      return this;
    }

    /** The configuration with the values set so far. */
    public TrackerConfig build() {
      return new TrackerConfig(accelNoiseM2PerS3, gateChi2, initSpeedSigmaMps, confirmHits, confirmWindowMs, maxCoastMs, coarseGateM, maxTargetSpeedMps, tentativePenalty, nearConfirmedGateFactor, secondObjectM, distinctStartM, duplicateDistanceM, duplicateSpeedDiffMps, feedSplitReports,
          cameraObjectWindowMs, cameraObjectApartM, establishedHits, establishedMinSpeedMps, establishedCoastMs, coastedReachM, coastedReachMps,
          missedChance, maxMissedCoastMs);
    }
  }
}
