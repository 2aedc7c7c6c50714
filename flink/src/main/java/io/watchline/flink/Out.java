package io.watchline.flink;

/**
 * What the job hands back: an incident, a fused track, or a record not fused (rejected by a
 * reader or the merge, or arriving behind the watermark), as one NDJSON line of text. Text keeps
 * the wire format the project's own, with nothing for Flink to guess about the nested records.
 *
 * @param kind what the line is
 * @param region the region whose engine made it (-1 for input rejects)
 * @param json the NDJSON line (incident with its region-local id, track, or reject with reason)
 * @param lat the event point (incident) or first point (track) that decides ownership
 * @param lon as lat
 */
public record Out(Kind kind, int region, String json, double lat, double lon) {
  /** What a line is. */
  public enum Kind {
    INCIDENT,
    TRACK,
    REJECT,
    LATE
  }
}
