package io.watchline.fusion.incident;

/** Something that may still deliver incident candidates: a live track, a waiting loose end (live fusion). */
public interface FutureCandidates {
  /**
   * Whether a candidate it yields could be within {@code mergeM} metres and {@code mergeMs} of
   * {@code c} (the incident grouping's test), with {@code marginM} more for positions between points.
   */
  boolean mayMeet(Candidate c, double mergeM, long mergeMs, double marginM);
}
