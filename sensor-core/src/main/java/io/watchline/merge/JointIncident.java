package io.watchline.merge;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.incident.Incident;
import io.watchline.ndjson.IsoTime;
import java.io.IOException;
import java.util.List;

/**
 * One line of the joint list: the incident as the best-placed origin saw it, every origin that
 * reported it, and the other countries' reports nearby that disagree on kind or direction.
 *
 * @param incident the joint incident (id {@code ORIG/ID+ORIG/ID}, the better position, factor
 *     {@code origins} naming the countries)
 * @param origins the reports it joins, by originator
 * @param conflicts other countries' reports at the same place and time with another kind or direction
 */
public record JointIncident(Incident incident, List<SharedIncident> origins, List<Conflict> conflicts) {

  /** A disagreement: another country's report within the gates, of another kind or direction. */
  public record Conflict(String with, String kind, String side, String differs, double distanceM, double dtS) {}

  /** The fields after the incident's own: {@code origins} and, when any, {@code conflicts}. */
  public void writeExtra(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("origins");
    for (SharedIncident s : origins) {
      g.writeStartObject();
      g.writeStringField("originator", s.originator());
      g.writeStringField("id", s.incident().id());
      g.writeStringField("kind", s.incident().kind().wireName());
      if (s.incident().side() != null) g.writeStringField("side", s.incident().side());
      g.writeStringField("time", IsoTime.format(s.eventTime()));
      g.writeNumberField("lat", s.incident().lat());
      g.writeNumberField("lon", s.incident().lon());
      g.writeStringField("position", s.exact() ? "exact" : "coarse");
      g.writeNumberField("score", s.incident().score());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (!conflicts.isEmpty()) {
      g.writeArrayFieldStart("conflicts");
      for (Conflict c : conflicts) {
        g.writeStartObject();
        g.writeStringField("with", c.with());
        g.writeStringField("differs", c.differs());
        g.writeStringField("kind", c.kind());
        if (c.side() != null) g.writeStringField("side", c.side());
        g.writeNumberField("distance_m", c.distanceM());
        g.writeNumberField("dt_s", c.dtS());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }
}
