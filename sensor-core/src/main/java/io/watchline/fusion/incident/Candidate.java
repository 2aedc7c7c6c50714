package io.watchline.fusion.incident;

import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Source;
import java.util.List;

/**
 * What one track suggests before merging and scoring.
 *
 * @param tMs the event time: crossing time, closest approach, or middle of the dwell
 * @param lat event position (the crossing point for crossings)
 * @param side "FROM→TO" for crossings, the side the track was on otherwise
 * @param seen crossings: seen by sensors on both sides (false: inferred across a coverage hole)
 * @param distanceM closest distance to the border (0 for crossings)
 * @param dwellMs time spent near the border
 * @param sensorKinds how many sensor kinds (radar, thermal) saw the track
 * @param meanConf mean sensor confidence, NaN when none was given
 * @param straightness net displacement over path length around the event (NaN unknown)
 * @param crossings how many times the track crossed within the recross window (crossings)
 * @param blueForceM distance to the nearest patrol at the event time, NaN when unknown
 */
public record Candidate(
    IncidentKind kind,
    long tMs,
    long startMs,
    long endMs,
    double lat,
    double lon,
    String sector,
    String side,
    boolean seen,
    double distanceM,
    long dwellMs,
    int sensorKinds,
    String cls,
    double clsShare,
    double meanConf,
    int hits,
    double speedMps,
    double straightness,
    int crossings,
    double blueForceM,
    long trackId,
    List<TrackPoint> track,
    List<Source> evidence) {

  /** This candidate with its class set aside: evidence the class was wrong outweighs the class. */
  public Candidate unclassified() {
    return new Candidate(kind, tMs, startMs, endMs, lat, lon, sector, side, seen, distanceM, dwellMs, sensorKinds,
        "unknown", 0, meanConf, hits, speedMps, straightness, crossings, blueForceM, trackId, track, evidence);
  }
}
