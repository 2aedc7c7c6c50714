package io.watchline.incident;

import io.watchline.observation.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident candidate as {@code fuse} emits it (see docs/records.md).
 *
 * @param id stable id, {@code INC-yyyyMMdd-NNNN}
 * @param start first observation time
 * @param end last observation time
 * @param lat representative latitude (the crossing point for crossings)
 * @param lon representative longitude
 * @param sector sector id, or null outside every sector
 * @param side direction, e.g. {@code ALB→MNE}
 * @param kind crossing, approach or loiter
 * @param score 0..1
 * @param factors the explainable factors behind the score (numbers, booleans, strings)
 * @param track the track, oldest first
 * @param evidence provenance of every observation used
 */
public record Incident(
    String id,
    Instant start,
    Instant end,
    double lat,
    double lon,
    String sector,
    String side,
    IncidentKind kind,
    double score,
    Map<String, Object> factors,
    List<TrackPoint> track,
    List<Source> evidence) {

  public Incident {
    factors = factors == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(factors));
    track = track == null ? List.of() : List.copyOf(track);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** When it happened: the crossing time (factor {@code event_t}) or else the start. */
  public Instant eventTime() {
    if (factors.get("event_t") instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (java.time.format.DateTimeParseException e) {
        return start;
      }
    }
    return start;
  }
}
