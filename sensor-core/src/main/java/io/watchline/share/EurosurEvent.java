package io.watchline.share;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Source;
import java.io.IOException;
import java.util.Locale;
import java.util.TreeSet;

/**
 * An incident as a EUROSUR events-layer report of an illegal border crossing, with the fields of
 * Annex 2 of Implementing Regulation (EU) 2021/581 (attempted or actual, open or covert, time and
 * place, direction, detection means, means of transport, number of persons), its confidence
 * (Art. 16) and impact level (Art. 17). The mapping table is in docs/cooperation.md and the
 * output's JSON Schema in {@code io/watchline/share/eurosur-event.schema.json}.
 */
public final class EurosurEvent {
  private EurosurEvent() {}

  /** Where the JSON Schema of a report lies on the class path. */
  public static final String SCHEMA = "/io/watchline/share/eurosur-event.schema.json";

  /** Crossings (actual) and approaches (attempted) are reported; loiters are not border crossings. */
  public static boolean reportable(Incident i) {
    return i.kind() == IncidentKind.CROSSING || i.kind() == IncidentKind.APPROACH;
  }

  /**
   * Writes one report object.
   *
   * @param originator the reporting country; with it the direction is entry or exit, without it unknown
   * @param policy positions as shared (null: exact)
   */
  public static void write(Incident i, String originator, PositionPolicy policy, Marking marking, JsonGenerator g)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("report_type", "event");
    g.writeStringField("event_id", (originator == null ? "" : originator + "-") + i.id());
    g.writeStringField("category", "illegal_border_crossing");
    g.writeStringField("crossing", i.kind() == IncidentKind.CROSSING ? "actual" : "attempted");
    // Sensors on the green border see people avoiding the crossing points: covert by definition.
    g.writeStringField("mode", "covert");
    String[] fromTo = fromTo(i.side());
    g.writeStringField("direction", direction(fromTo, originator));
    if (fromTo != null) {
      g.writeStringField("from", fromTo[0]);
      g.writeStringField("to", fromTo[1]);
    }
    g.writeArrayFieldStart("detection_means");
    for (String m : detectionMeans(i)) {
      g.writeString(m);
    }
    g.writeEndArray();
    g.writeStringField("transport", transport(i));
    g.writeNumberField("group_size", groupSize(i));
    g.writeObjectFieldStart("place");
    if (i.sector() != null) {
      g.writeStringField("border_section", i.sector());
    }
    String kind = i.kind().wireName();
    boolean exact = policy == null || policy.exact(kind, i.lat(), i.lon());
    double[] at = policy == null ? new double[] {i.lat(), i.lon()} : policy.place(kind, i.lat(), i.lon());
    g.writeNumberField("lat", at[0]);
    g.writeNumberField("lon", at[1]);
    g.writeStringField("precision", exact ? "exact" : String.format(Locale.ROOT, "grid_%.0fm", policy.gridM()));
    g.writeEndObject();
    g.writeStringField("time", IsoTime.format(i.eventTime()));
    g.writeObjectFieldStart("period");
    g.writeStringField("start", IsoTime.format(i.start()));
    g.writeStringField("end", IsoTime.format(i.end()));
    g.writeEndObject();
    g.writeStringField("impact_level", impactLevel(i));
    marking.write(g);
    g.writeEndObject();
  }

  /** {from, to} of a side like {@code ALB→MNE}, or null. */
  static String[] fromTo(String side) {
    if (side == null) {
      return null;
    }
    int k = side.indexOf('→');
    return k <= 0 || k == side.length() - 1 ? null : new String[] {side.substring(0, k), side.substring(k + 1)};
  }

  /** Entry into or exit from the reporting country; unknown when it is neither side. */
  static String direction(String[] fromTo, String originator) {
    if (fromTo == null || originator == null) {
      return "unknown";
    }
    return originator.equals(fromTo[1]) ? "entry" : originator.equals(fromTo[0]) ? "exit" : "unknown";
  }

  /** The sensor kinds named by the evidence files; {@code unknown} when none can be told. */
  static TreeSet<String> detectionMeans(Incident i) {
    TreeSet<String> means = new TreeSet<>();
    for (Source s : i.evidence()) {
      String f = s.file() == null ? "" : s.file().toLowerCase(Locale.ROOT);
      if (f.contains("radar") || f.endsWith(".ast") || f.endsWith(".pcap")) {
        means.add("radar");
      } else if (f.contains("thermal") || f.contains("onvif") || f.endsWith(".xml")) {
        means.add("thermal_camera");
      } else if (f.contains("patrol") || f.endsWith(".nmea") || f.endsWith(".gpx") || f.endsWith(".cot")) {
        means.add("patrol");
      }
    }
    if (means.isEmpty()) {
      means.add("unknown");
    }
    return means;
  }

  static String transport(Incident i) {
    Object cls = i.factors().get("cls");
    if ("vehicle".equals(cls)) return "vehicle";
    if ("human".equals(cls)) return "on_foot";
    return "unknown";
  }

  /** Tracked objects in the group (fusion's {@code group_size}): a lower bound of the persons. */
  static int groupSize(Incident i) {
    Object g = i.factors().get("group_size");
    return g instanceof Number n ? Math.max(1, n.intValue()) : 1;
  }

  /**
   * Art. 17: our default is {@code medium} for an actual crossing by a vehicle or by three tracked
   * objects or more, {@code low} otherwise; {@code high} is for the coordination centre to set.
   */
  static String impactLevel(Incident i) {
    boolean actual = i.kind() == IncidentKind.CROSSING;
    return actual && ("vehicle".equals(i.factors().get("cls")) || groupSize(i) >= 3) ? "medium" : "low";
  }
}
