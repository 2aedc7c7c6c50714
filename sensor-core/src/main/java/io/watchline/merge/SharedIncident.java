package io.watchline.merge;

import io.watchline.incident.Incident;
import java.time.Instant;

/**
 * One incident of one country's list, as {@code merge} reads it: fuse output, or a list shared at
 * the {@code internal} or {@code neighbour} level.
 *
 * @param originator who reported it (the record's marking, else the file's name)
 * @param exact whether its position is exact (false when shared snapped to a grid)
 */
public record SharedIncident(String originator, Incident incident, boolean exact) {

  /** {@code originator/id}: unique over the countries' lists. */
  public String key() {
    return originator + "/" + incident.id();
  }

  public Instant eventTime() {
    return incident.eventTime();
  }
}
