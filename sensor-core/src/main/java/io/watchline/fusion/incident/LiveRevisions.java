package io.watchline.fusion.incident;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentRevision;
import io.watchline.incident.IncidentSink;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Live fusion's incident versions: keeps each incident's id while its group is still open, writes a
 * new version ({@code rev} + 1) when the group's incident changes, the last one when the group is
 * final, and withdraws an incident whose group dissolved into another or fell below the minimum
 * score. An incident keeps the id of the earliest of its candidates that already had one.
 */
final class LiveRevisions {
  private record Sent(int rev, Incident last) {}

  private final IncidentSink out;
  private final Function<Incident, String> numbering;
  private final Map<Candidate, String> idOf = new IdentityHashMap<>();
  private final Map<String, Sent> sent = new HashMap<>();
  private int finals;

  /**
   * @param out receives every version
   * @param numbering gives a new incident its id
   */
  LiveRevisions(IncidentSink out, Function<Incident, String> numbering) {
    this.out = out;
    this.numbering = numbering;
  }

  /** Final incidents written so far. */
  int finals() {
    return finals;
  }

  /** Incidents written and not final yet. */
  int open() {
    return sent.size();
  }

  /**
   * A tentative candidate is gone: the candidate of the same track that came in its place (among
   * {@code added}) takes over its incident's id.
   */
  void succeed(Candidate gone, List<Candidate> added) {
    String id = idOf.remove(gone);
    if (id == null) return;
    for (Candidate c : added) {
      if (c.trackId() == gone.trackId() && !idOf.containsKey(c)) {
        idOf.put(c, id);
        return;
      }
    }
  }

  /** An incident scored on its own (welfare): final at once. */
  void alone(Incident i) throws IOException {
    out.revised(new IncidentRevision(withId(i, numbering.apply(i)), 1, true, false));
    finals++;
  }

  /**
   * The grouping of one set of connected candidates, now.
   *
   * @param members every candidate of the set
   * @param groups its groups
   * @param incidents each group's incident, null when it scores below the minimum
   * @param fin nothing can change the set any more
   */
  void update(List<Candidate> members, List<List<Candidate>> groups, List<Incident> incidents, boolean fin)
      throws IOException {
    Set<String> before = new LinkedHashSet<>();
    for (Candidate c : members) {
      String id = idOf.get(c);
      if (id != null) before.add(id);
    }
    Set<String> used = new HashSet<>();
    for (int k = 0; k < groups.size(); k++) {
      Incident inc = incidents.get(k);
      if (inc == null) continue;
      List<Candidate> g = groups.get(k);
      String id = null;
      for (Candidate c : g) {
        String known = idOf.get(c);
        if (known != null && !used.contains(known)) {
          id = known;
          break;
        }
      }
      if (id == null) id = numbering.apply(inc);
      used.add(id);
      for (Candidate c : g) idOf.put(c, id);
      Incident v = withId(inc, id);
      Sent s = sent.get(id);
      if (s == null || fin || changed(s.last(), v)) {
        int rev = s == null ? 1 : s.rev() + 1;
        out.revised(new IncidentRevision(v, rev, fin, false));
        sent.put(id, new Sent(rev, v));
        if (fin) finals++;
      }
    }
    for (String id : before) {
      if (!used.contains(id)) {
        Sent s = sent.remove(id);
        out.revised(new IncidentRevision(s.last(), s.rev() + 1, true, true));
      }
    }
    for (Candidate c : members) {
      if (fin || !used.contains(idOf.get(c))) idOf.remove(c);
    }
    if (fin) {
      for (String id : used) sent.remove(id);
    }
  }

  /** Whether a consumer would see a difference (the evidence by its count: it may be spilled to disk). */
  private static boolean changed(Incident a, Incident b) {
    return !a.end().equals(b.end()) || !a.start().equals(b.start()) || a.score() != b.score() || a.kind() != b.kind()
        || a.lat() != b.lat() || a.lon() != b.lon() || !Objects.equals(a.sector(), b.sector())
        || !Objects.equals(a.side(), b.side()) || !a.factors().equals(b.factors())
        || a.evidence().size() != b.evidence().size() || a.track().size() != b.track().size();
  }

  static Incident withId(Incident i, String id) {
    return new Incident(id, i.start(), i.end(), i.lat(), i.lon(), i.sector(), i.side(), i.kind(), i.score(),
        i.factors(), i.track(), i.evidence());
  }
}
