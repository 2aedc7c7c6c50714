package io.watchline.cli.nightly;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's first table: every welfare case, most urgent first (priority, then score), with
 * where to go, why, and who is nearest. Never cut to a top-N: each one is someone to look for.
 */
final class WelfareSection {
  static final String ID = "welfare";
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

  private WelfareSection() {}

  static Report.Section of(List<Incident> incidents, ZoneId zone) {
    List<Incident> cases = new ArrayList<>();
    for (Incident i : incidents) {
      if (i.kind() == IncidentKind.WELFARE) cases.add(i);
    }
    cases.sort(Comparator.comparingInt(WelfareSection::priority)
        .thenComparing(Comparator.comparingDouble(Incident::score).reversed()).thenComparing(Incident::id));
    List<List<String>> rows = new ArrayList<>();
    for (Incident i : cases) {
      Map<String, Object> f = i.factors();
      rows.add(List.of(
          "P" + priority(i),
          i.id(),
          i.eventTime().atZone(zone).format(HM) + "–" + i.end().atZone(zone).format(HM),
          String.format(Locale.ROOT, "%.5f, %.5f", i.lat(), i.lon()),
          String.valueOf(f.getOrDefault("reasons", "")),
          f.containsKey("patrol_unit") ? f.get("patrol_unit") + " " + metres(f.get("patrol_m")) + " (fix "
              + time(f.get("patrol_fix_t"), zone) + ")" : "none known",
          f.containsKey("road_m") ? metres(f.get("road_m")) + " (" + f.get("road_lat") + ", " + f.get("road_lon") + ")" : "no road layer",
          f.containsKey("wind_chill_c") ? f.get("wind_chill_c") + " °C" : "no weather",
          String.format(Locale.ROOT, "%.2f", i.score()),
          String.valueOf(f.getOrDefault("explain", ""))));
    }
    return new Report.Section(ID, "People at risk",
        cases.size() + " welfare case" + (cases.size() == 1 ? "" : "s") + ", most urgent first (P1: go now). Each is"
            + " people who stopped far from help, in freezing wind or at water; the patrol named is the nearest by its last"
            + " fix, straight-line distance.",
        List.of("priority", "id", "stopped (" + zone.getId() + ")", "lat, lon", "why", "nearest patrol", "nearest road",
            "wind chill", "score", "score terms"),
        rows);
  }

  private static int priority(Incident i) {
    return i.factors().get("priority") instanceof Number n ? n.intValue() : 3;
  }

  private static String metres(Object m) {
    if (!(m instanceof Number n)) return "?";
    double v = n.doubleValue();
    return v >= 1000 ? String.format(Locale.ROOT, "%.1f km", v / 1000) : String.format(Locale.ROOT, "%.0f m", v);
  }

  private static String time(Object t, ZoneId zone) {
    try {
      return Instant.parse(String.valueOf(t)).atZone(zone).format(HM);
    } catch (RuntimeException e) {
      return "?";
    }
  }
}
