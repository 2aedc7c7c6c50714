package io.watchline.fusion;

import io.watchline.fusion.incident.IncidentConfig;
import io.watchline.fusion.quality.QualityConfig;
import io.watchline.fusion.track.TrackerConfig;

/**
 * Every fusion parameter, built by name:
 * {@code FusionConfig.defaults().toBuilder().patrolGateM(150).build()}. The tracker's and the
 * incident rules' parameters are their own records ({@link TrackerConfig}, {@link IncidentConfig});
 * the rest are the measurement models, the camera association, blue force and the engine's
 * rhythm. docs/fusion.md says why each default is what it is. Immutable and thread-safe.
 *
 * <p>{@code minTrackSpeedMps} (tracks slower than this over their life are static clutter) was
 * removed: nothing read it, and a minimum speed over a track's life would drop loiterers, who
 * barely move; static clutter is a job for a clutter map, not a speed floor.
 *
 * @param tracker the tracker's parameters
 * @param incidents what makes a candidate, how loose ends are stitched, how candidates merge
 * @param scanWindowMs radar plots of one sensor this close in time form one scan, ms
 * @param radarSigmaRangeM radar range error (1 sigma), m
 * @param radarSigmaBearingDeg radar bearing error (1 sigma), degrees; cross-range error grows with range
 * @param positionSigmaM error assumed for a detection given only as lat/lon (isotropic, 1 sigma), m
 * @param cameraSigmaBearingDeg camera bearing error (1 sigma), degrees
 * @param cameraRangeSigmaFraction camera range error as a fraction of the range (1 sigma)
 * @param cameraMinRangeSigmaM ... but never less than this, m
 * @param bearingGateDeg a camera bearing matches a radar track within this angle (plus atan(40 m / distance)), degrees
 * @param bearingRangeGateFraction ... and, when the camera gave a range, within this fraction of it (at least 60 m)
 * @param pairWindowMs two cameras' bearings this close in time may be crossed into a position, ms
 * @param minCrossingAngleDeg bearings crossing at a flatter angle place nothing, degrees
 * @param patrolGateM a track point this close to a patrol's interpolated position is explained by it, m
 * @param patrolMinShare share of a track's checked points one unit must explain to make it a patrol track (0..1)
 * @param patrolLagMs track points are checked against patrols this long after they happen, ms
 * @param patrolHorizonMs patrol fixes are kept this long, ms
 * @param patrolMaxGapMs a patrol position is interpolated between fixes at most twice this apart and held at most this
 *     long beyond the first or last fix, ms
 * @param housekeepingEveryMs expiry, duplicate folding and patrol checks run this often in data time, ms
 * @param releaseEveryMs final incidents are handed on this often in data time, ms
 * @param birthMarginMs a track may begin this long before the newest observation, ms
 * @param quality what makes a track good enough for an incident (clutter rejection, inferred crossings, patrol memory)
 */
public record FusionConfig(
    TrackerConfig tracker,
    IncidentConfig incidents,
    long scanWindowMs,
    double radarSigmaRangeM,
    double radarSigmaBearingDeg,
    double positionSigmaM,
    double cameraSigmaBearingDeg,
    double cameraRangeSigmaFraction,
    double cameraMinRangeSigmaM,
    double bearingGateDeg,
    double bearingRangeGateFraction,
    long pairWindowMs,
    double minCrossingAngleDeg,
    double patrolGateM,
    double patrolMinShare,
    long patrolLagMs,
    long patrolHorizonMs,
    long patrolMaxGapMs,
    long housekeepingEveryMs,
    long releaseEveryMs,
    long birthMarginMs,
    QualityConfig quality) {

  /** The values the simulated nights of docs/fusion.md were measured with. */
  public static FusionConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to change some of them by name. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.tracker = tracker;
    b.incidents = incidents;
    b.scanWindowMs = scanWindowMs;
    b.radarSigmaRangeM = radarSigmaRangeM;
    b.radarSigmaBearingDeg = radarSigmaBearingDeg;
    b.positionSigmaM = positionSigmaM;
    b.cameraSigmaBearingDeg = cameraSigmaBearingDeg;
    b.cameraRangeSigmaFraction = cameraRangeSigmaFraction;
    b.cameraMinRangeSigmaM = cameraMinRangeSigmaM;
    b.bearingGateDeg = bearingGateDeg;
    b.bearingRangeGateFraction = bearingRangeGateFraction;
    b.pairWindowMs = pairWindowMs;
    b.minCrossingAngleDeg = minCrossingAngleDeg;
    b.patrolGateM = patrolGateM;
    b.patrolMinShare = patrolMinShare;
    b.patrolLagMs = patrolLagMs;
    b.patrolHorizonMs = patrolHorizonMs;
    b.patrolMaxGapMs = patrolMaxGapMs;
    b.housekeepingEveryMs = housekeepingEveryMs;
    b.releaseEveryMs = releaseEveryMs;
    b.birthMarginMs = birthMarginMs;
    b.quality = quality;
    return b;
  }

  /** Builds a {@link FusionConfig} by name; every field starts at its default (the reason is next to it). Not thread-safe. */
  public static final class Builder {
    // see TrackerConfig
    private TrackerConfig tracker = TrackerConfig.defaults();
    // see IncidentConfig
    private IncidentConfig incidents = IncidentConfig.defaults();
    // a scan's plots are reported within a fraction of a second
    private long scanWindowMs = 500L;
    // ground surveillance radars resolve 10-20 m in range
    private double radarSigmaRangeM = 15;
    // a typical ground radar beam splits to ~0.4 degrees
    private double radarSigmaBearingDeg = 0.4;
    // the feed does not say; a radar's error at mid range
    private double positionSigmaM = 20;
    // a thermal camera's pixel at its zoom is ~0.1 degrees; pointing adds the rest
    private double cameraSigmaBearingDeg = 0.3;
    // video analytics range from the target's size: ~10 %
    private double cameraRangeSigmaFraction = 0.1;
    // close in the size estimate is still a few pixels off
    private double cameraMinRangeSigmaM = 10;
    // camera bearing and radar cross-range errors together
    private double bearingGateDeg = 1.5;
    // camera ranges are rough
    private double bearingRangeGateFraction = 0.25;
    // cameras report every second; a walker moves ~2 m in 1.5 s
    private long pairWindowMs = 1500L;
    // below ~12 degrees the crossing runs away along the lines of sight
    private double minCrossingAngleDeg = 12;
    // GPS plus radar error plus the patrol's spread on foot
    private double patrolGateM = 100;
    // a smuggler passing a patrol keeps most of its points unexplained
    private double patrolMinShare = 0.5;
    // so that the next patrol fix has arrived for the interpolation
    private long patrolLagMs = 30_000L;
    // longer than the lag plus the longest gap between fixes
    private long patrolHorizonMs = 10 * 60_000L;
    // units report every 5-30 s; a minute's silence is a lost fix
    private long patrolMaxGapMs = 60_000L;
    // once a second is finer than any coast or patrol limit
    private long housekeepingEveryMs = 1000L;
    // a few seconds of latency, little work
    private long releaseEveryMs = 10_000L;
    // scan batches and camera bearings waiting for a pair start tracks late
    private long birthMarginMs = 60_000L;

    // chance plots, clutter fields and GPS gaps are ordinary on a real night (docs/fusion.md)
    private QualityConfig quality = QualityConfig.defaults();

    private Builder() {}

    /** See {@link FusionConfig#quality()}. */
    public Builder quality(QualityConfig v) {
      quality = v;
      return this;
    }

    /** See {@link FusionConfig#tracker()}. */
    public Builder tracker(TrackerConfig v) {
      tracker = v;
      return this;
    }

    /** See {@link FusionConfig#incidents()}. */
    public Builder incidents(IncidentConfig v) {
      incidents = v;
      return this;
    }

    /** See {@link FusionConfig#scanWindowMs()}. */
    public Builder scanWindowMs(long v) {
      scanWindowMs = v;
      return this;
    }

    /** See {@link FusionConfig#radarSigmaRangeM()}. */
    public Builder radarSigmaRangeM(double v) {
      radarSigmaRangeM = v;
      return this;
    }

    /** See {@link FusionConfig#radarSigmaBearingDeg()}. */
    public Builder radarSigmaBearingDeg(double v) {
      radarSigmaBearingDeg = v;
      return this;
    }

    /** See {@link FusionConfig#positionSigmaM()}. */
    public Builder positionSigmaM(double v) {
      positionSigmaM = v;
      return this;
    }

    /** See {@link FusionConfig#cameraSigmaBearingDeg()}. */
    public Builder cameraSigmaBearingDeg(double v) {
      cameraSigmaBearingDeg = v;
      return this;
    }

    /** See {@link FusionConfig#cameraRangeSigmaFraction()}. */
    public Builder cameraRangeSigmaFraction(double v) {
      cameraRangeSigmaFraction = v;
      return this;
    }

    /** See {@link FusionConfig#cameraMinRangeSigmaM()}. */
    public Builder cameraMinRangeSigmaM(double v) {
      cameraMinRangeSigmaM = v;
      return this;
    }

    /** See {@link FusionConfig#bearingGateDeg()}. */
    public Builder bearingGateDeg(double v) {
      bearingGateDeg = v;
      return this;
    }

    /** See {@link FusionConfig#bearingRangeGateFraction()}. */
    public Builder bearingRangeGateFraction(double v) {
      bearingRangeGateFraction = v;
      return this;
    }

    /** See {@link FusionConfig#pairWindowMs()}. */
    public Builder pairWindowMs(long v) {
      pairWindowMs = v;
      return this;
    }

    /** See {@link FusionConfig#minCrossingAngleDeg()}. */
    public Builder minCrossingAngleDeg(double v) {
      minCrossingAngleDeg = v;
      return this;
    }

    /** See {@link FusionConfig#patrolGateM()}. */
    public Builder patrolGateM(double v) {
      patrolGateM = v;
      return this;
    }

    /** See {@link FusionConfig#patrolMinShare()}. */
    public Builder patrolMinShare(double v) {
      patrolMinShare = v;
      return this;
    }

    /** See {@link FusionConfig#patrolLagMs()}. */
    public Builder patrolLagMs(long v) {
      patrolLagMs = v;
      return this;
    }

    /** See {@link FusionConfig#patrolHorizonMs()}. */
    public Builder patrolHorizonMs(long v) {
      patrolHorizonMs = v;
      return this;
    }

    /** See {@link FusionConfig#patrolMaxGapMs()}. */
    public Builder patrolMaxGapMs(long v) {
      patrolMaxGapMs = v;
      return this;
    }

    /** See {@link FusionConfig#housekeepingEveryMs()}. */
    public Builder housekeepingEveryMs(long v) {
      housekeepingEveryMs = v;
      return this;
    }

    /** See {@link FusionConfig#releaseEveryMs()}. */
    public Builder releaseEveryMs(long v) {
      releaseEveryMs = v;
      return this;
    }

    /** See {@link FusionConfig#birthMarginMs()}. */
    public Builder birthMarginMs(long v) {
      birthMarginMs = v;
      return this;
    }

    /** The configuration with the values set so far. */
    public FusionConfig build() {
      return new FusionConfig(tracker, incidents, scanWindowMs, radarSigmaRangeM, radarSigmaBearingDeg, positionSigmaM, cameraSigmaBearingDeg, cameraRangeSigmaFraction, cameraMinRangeSigmaM, bearingGateDeg, bearingRangeGateFraction, pairWindowMs, minCrossingAngleDeg, patrolGateM, patrolMinShare, patrolLagMs, patrolHorizonMs, patrolMaxGapMs, housekeepingEveryMs, releaseEveryMs, birthMarginMs, quality);
    }
  }
}
