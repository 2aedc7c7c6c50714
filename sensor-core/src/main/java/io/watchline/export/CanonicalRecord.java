package io.watchline.export;

import io.watchline.incident.Incident;
import io.watchline.observation.Observation;

/** One line of canonical NDJSON, whatever its record type. */
public sealed interface CanonicalRecord {

  record Obs(Observation observation) implements CanonicalRecord {}

  record Inc(Incident incident) implements CanonicalRecord {}

  /** A fused track ({@code watchline fuse --tracks}). */
  record Trk(TrackRecord track) implements CanonicalRecord {}
}
