package io.watchline.incident;

import java.io.IOException;

/** Receives incidents (of a fusion run) as soon as they are final, in output order. */
@FunctionalInterface
public interface IncidentSink {
  void accept(Incident incident) throws IOException;
}
