package io.watchline.fusion;

import io.watchline.incident.TrackPoint;
import java.util.List;

/**
 * A closed confirmed track as {@code fuse --tracks} writes it ({@link
 * io.watchline.export.TrackRecord#write}). Immutable.
 *
 * @param id the tracker's id
 * @param label "target" or "patrol"
 * @param patrolUnit the unit that explains a patrol track (null otherwise)
 * @param patrolDistanceM mean distance to that unit, metres (NaN for a target)
 * @param patrolShare share of the track's points the best unit explains, 0..1
 * @param cls the winning class, or null when no sensor classified it
 * @param radarHits radar measurements
 * @param thermalHits camera measurements and corroborations
 * @param speedMps mean speed over the track's life, m/s
 * @param points the filtered path, lon/lat, at most one point a second
 * @param evidence how many observation sources the track lists
 */
public record TrackSummary(
    long id,
    String label,
    String patrolUnit,
    double patrolDistanceM,
    double patrolShare,
    String cls,
    int radarHits,
    int thermalHits,
    double speedMps,
    List<TrackPoint> points,
    int evidence) {}
