package io.watchline.fusion;

import io.watchline.fusion.track.TrackerConfig;

/**
 * Every fusion parameter in one place (defaults and reasons in docs/fusion.md).
 *
 * @param scanWindowMs radar plots of one sensor this close in time form one scan
 * @param radarSigmaRangeM radar range error (1 sigma)
 * @param radarSigmaBearingDeg radar bearing error (1 sigma)
 * @param positionSigmaM error assumed for a lat/lon-only detection
 * @param cameraSigmaBearingDeg camera bearing error (1 sigma)
 * @param cameraRangeSigmaFraction camera range error as a fraction of range
 * @param bearingGateDeg camera bearing to radar track gate
 * @param pairWindowMs two camera bearings this close in time may be crossed
 * @param minCrossingAngleDeg bearings crossing at a flatter angle place nothing
 * @param patrolGateM a track point this close to a patrol is explained by it
 * @param patrolShare share of explained points that makes a track a patrol
 * @param patrolLagMs points are checked against patrols this long after they happen (so the next fix has arrived)
 * @param nearM approach distance: closer than this to the line heading in is an approach
 * @param loiterMs a stay this long within dwellRadiusM makes a loiter
 * @param mergeM incident merge distance
 * @param mergeMs incident merge time
 * @param minTrackSpeedMps tracks slower than this over their life are static clutter (not targets)
 * @param dwellRadiusM a loiter stays within this radius ...
 * @param loiterNearM ... this close to the border
 * @param duplicateM confirmed tracks closer than this with the same velocity are one target
 */
public record FusionConfig(
    TrackerConfig tracker,
    long scanWindowMs,
    double radarSigmaRangeM,
    double radarSigmaBearingDeg,
    double positionSigmaM,
    double cameraSigmaBearingDeg,
    double cameraRangeSigmaFraction,
    double bearingGateDeg,
    long pairWindowMs,
    double minCrossingAngleDeg,
    double patrolGateM,
    double patrolShare,
    long patrolLagMs,
    double nearM,
    long loiterMs,
    double mergeM,
    long mergeMs,
    double minTrackSpeedMps,
    double duplicateM,
    double dwellRadiusM,
    double loiterNearM) {

  public static FusionConfig defaults() {
    return new FusionConfig(
        TrackerConfig.defaults(), 500, 15, 0.4, 20, 0.3, 0.1, 1.5, 1500, 12,
        100, 0.5, 30_000, 500, 18 * 60_000, 80, 90_000, 0.0, 40, 250, 1000);
  }
}
