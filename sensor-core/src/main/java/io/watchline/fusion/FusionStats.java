package io.watchline.fusion;

/** Counters of one fusion run, printed on stderr by {@code fuse}. */
public final class FusionStats {
  public long radar;
  public long thermal;
  public long patrol;
  public long unplaced;
  public long corroborations;
  public long triangulated;
  public long tracksCreated;
  public long tentativeDropped;
  public long targetTracks;
  public long patrolTracks;
  public long candidates;
  public long incidents;

  public String summary() {
    return "observations radar " + radar + ", thermal " + thermal + ", patrol " + patrol
        + " (no position: " + unplaced + "); camera bearings on radar tracks " + corroborations
        + ", crossed bearings " + triangulated + "; tracks started " + tracksCreated
        + ", confirmed " + (targetTracks + patrolTracks) + " (patrol " + patrolTracks + ")"
        + "; incident candidates " + candidates;
  }
}
