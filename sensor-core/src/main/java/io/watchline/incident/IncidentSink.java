package io.watchline.incident;

import java.io.IOException;

/** Receives incidents (of a fusion run) as soon as they are final, in output order. */
@FunctionalInterface
public interface IncidentSink {
  void accept(Incident incident) throws IOException;

  /**
   * Live fusion: one version of an incident that may still change. A sink that wants only final
   * incidents keeps this default, which passes on the last version of each incident that stands.
   */
  default void revised(IncidentRevision r) throws IOException {
    if (r.last() && !r.withdrawn()) {
      accept(r.incident());
    }
  }
}
