package io.watchline.fusion;

import io.watchline.incident.TrackPoint;
import java.util.List;

/**
 * A closed confirmed track as written by {@code fuse --tracks}.
 *
 * @param label "target" or "patrol"
 * @param patrolUnit the unit that explains a patrol track (null otherwise)
 * @param patrolDistanceM mean distance to that unit, metres
 * @param patrolShare share of the track's points the unit explains
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
