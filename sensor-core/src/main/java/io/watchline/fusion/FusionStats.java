package io.watchline.fusion;

/**
 * Counters of one fusion run, printed on stderr by {@code fuse}. Filled by the engine's thread;
 * read them after {@link FusionEngine#finish()}.
 */
public final class FusionStats {
  /** Radar observations read. */
  public long radar;
  /** Camera observations read. */
  public long thermal;
  /** Patrol fixes read. */
  public long patrol;
  /** Observations without a usable position or bearing (ignored). */
  public long unplaced;
  /** Camera bearings that corroborated a radar track. */
  public long corroborations;
  /** Positions crossed from two cameras' bearings. */
  public long triangulated;
  /** Tracks started (tentative and from feeds). */
  public long tracksCreated;
  /** Tracks closed without being confirmed. */
  public long tentativeDropped;
  /** Confirmed tracks labelled target. */
  public long targetTracks;
  /** Confirmed tracks labelled patrol (no incident). */
  public long patrolTracks;
  /** Confirmed target tracks judged clutter or too weak for an incident ({@code fusion.quality}). */
  public long weakTracks;
  /** Incident candidates made. */
  public long candidates;
  /** Incidents written (at or above the minimum score, and every welfare case). */
  public long incidents;
  /** Welfare cases raised (never dropped by the minimum score). */
  public long welfare;

  /** One line for a log. */
  public String summary() {
    return "observations radar " + radar + ", thermal " + thermal + ", patrol " + patrol
        + " (no position: " + unplaced + "); camera bearings on radar tracks " + corroborations
        + ", crossed bearings " + triangulated + "; tracks started " + tracksCreated
        + ", confirmed " + (targetTracks + patrolTracks) + " (patrol " + patrolTracks + ")"
        + "; weak or clutter tracks " + weakTracks + "; incident candidates " + candidates
        + (welfare > 0 ? "; welfare cases " + welfare : "");
  }
}
