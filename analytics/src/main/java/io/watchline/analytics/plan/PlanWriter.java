package io.watchline.analytics.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** plan.csv, sectors.csv, plan.svg (the border as a strip, to scale in km), plan.html (printable) and plan.txt. */
public final class PlanWriter {
  public static final List<String> FILES = List.of("plan.csv", "sectors.csv", "plan.svg", "plan.html", "plan.txt");
  /** A sector is undermanned when at least this share of its risk is left after the plan. */
  public static final double UNDERMANNED_SHARE = 0.5;

  private PlanWriter() {}

  record SectorLine(int k, String sector, double risk, double covered, double left, String teams, boolean undermanned) {}

  public static void write(Planner p, Planner.Plan plan, LocalDate night, Path dir) throws IOException {
    Planner.Instance in = p.instance();
    List<List<Integer>> bySector = p.teamsBySector(plan.sectorOf());
    List<SectorLine> lines = new ArrayList<>();
    for (int k = 0; k < in.sectors().size(); k++) {
      double risk = p.sectorRisk(k);
      double covered = p.sectorValue(plan.sectorOf(), k);
      List<String> names = bySector.get(k).stream().map(t -> in.teams().get(t).id()).toList();
      lines.add(new SectorLine(k, in.sectors().get(k), risk, covered, risk - covered, String.join(" ", names),
          risk > 1e-9 && (risk - covered) >= UNDERMANNED_SHARE * risk));
    }
    // Undermanned first, then by risk left, largest first.
    List<SectorLine> ordered = new ArrayList<>(lines);
    ordered.sort(Comparator.comparing((SectorLine l) -> !l.undermanned()).thenComparing(l -> -l.left()).thenComparing(SectorLine::sector));
    StringBuilder csv = new StringBuilder("sector,undermanned,risk,expected_detections,risk_left,teams\n");
    for (SectorLine l : ordered) {
      csv.append(String.format(Locale.ROOT, "%s,%s,%.3f,%.3f,%.3f,%s%n", l.sector(), l.undermanned(), l.risk(), l.covered(),
          l.left(), l.teams()));
    }
    Files.writeString(dir.resolve("sectors.csv"), csv.toString(), StandardCharsets.UTF_8);
    StringBuilder teams = new StringBuilder("team,mobility,base,sector,on_duty_utc,travel_min,in_sector_utc\n");
    List<String[]> teamRows = new ArrayList<>();
    for (int t = 0; t < in.teams().size(); t++) {
      Roster.Team team = in.teams().get(t);
      int k = plan.sectorOf()[t];
      String sector = k < 0 ? "(not sent: adds nothing)" : in.sectors().get(k);
      double travel = k < 0 ? 0 : p.travelHours(t, k);
      String[] row = {team.id(), team.mobility().name().toLowerCase(Locale.ROOT), team.base(), sector,
          clock(team.startH()) + "–" + clock(team.endH()), String.format(Locale.ROOT, "%.0f", travel * 60),
          k < 0 ? "" : clock(Math.min(team.endH(), team.startH() + travel)) + "–" + clock(team.endH())};
      teamRows.add(row);
      teams.append(String.join(",", row)).append('\n');
    }
    Files.writeString(dir.resolve("plan.csv"), teams.toString(), StandardCharsets.UTF_8);
    String svg = map(in, lines, plan);
    Files.writeString(dir.resolve("plan.svg"), svg, StandardCharsets.UTF_8);
    String text = String.format(Locale.ROOT,
        "Patrol plan for the night ending %s: %d teams, %d sectors. Method: %s. Expected detections %.2f of %.2f at risk"
            + " (risk: recent crossings per night not watched by sensors); the best possible plan gives at most %.2f.%n",
        night, in.teams().size(), in.sectors().size(), plan.method(), plan.value(),
        lines.stream().mapToDouble(SectorLine::risk).sum(), plan.upperBound());
    long under = lines.stream().filter(SectorLine::undermanned).count();
    text += under == 0 ? "No sector is undermanned.\n"
        : "Undermanned (half or more of their risk left): " + String.join(", ",
            ordered.stream().filter(SectorLine::undermanned).map(SectorLine::sector).toList()) + "\n";
    Files.writeString(dir.resolve("plan.txt"), text, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("plan.html"), html(night, text, ordered, teamRows, svg), StandardCharsets.UTF_8);
  }

  private static String clock(double hoursAfter18) {
    int minutes = (int) Math.round(hoursAfter18 * 60) + 18 * 60;
    return String.format(Locale.ROOT, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String html(LocalDate night, String text, List<SectorLine> ordered, List<String[]> teamRows, String svg) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Patrol plan ")
        .append(night).append("</title>\n<style>body{font-family:sans-serif;margin:20px;max-width:1200px}"
            + "table{border-collapse:collapse;font-size:14px;margin-bottom:16px}td,th{border:1px solid #999;padding:4px 8px}"
            + "th{background:#eee}tr.under td{background:#fadbd8;font-weight:bold}@media print{svg{max-width:100%}}</style>"
            + "</head><body>\n<h1>Patrol plan, night ending ").append(night).append("</h1>\n<p>").append(esc(text).replace("\n", "<br>"))
        .append("</p>\n<h2>Teams</h2>\n<table><tr><th>team</th><th>mobility</th><th>base</th><th>sector</th><th>on duty (UTC)</th>"
            + "<th>travel (min)</th><th>in sector (UTC)</th></tr>\n");
    for (String[] r : teamRows) {
      b.append("<tr>");
      for (String c : r) b.append("<td>").append(esc(c)).append("</td>");
      b.append("</tr>\n");
    }
    b.append("</table>\n<h2>Sectors (undermanned first)</h2>\n<table><tr><th>sector</th><th>risk</th><th>expected detections</th>"
        + "<th>risk left</th><th>teams</th></tr>\n");
    for (SectorLine l : ordered) {
      b.append(String.format(Locale.ROOT, "<tr%s><td>%s%s</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%s</td></tr>%n",
          l.undermanned() ? " class=\"under\"" : "", esc(l.sector()), l.undermanned() ? " (undermanned)" : "", l.risk(), l.covered(),
          l.left(), esc(l.teams())));
    }
    return b.append("</table>\n<h2>Map</h2>\n").append(svg).append("</body></html>\n").toString();
  }

  /** The border as a horizontal strip, sectors to scale; colour = risk left; teams below their sector, a line from base. */
  private static String map(Planner.Instance in, List<SectorLine> lines, Planner.Plan plan) {
    double total = 0;
    for (double km : in.borderKm()) total += km;
    int left = 30;
    int width = 1100;
    double scale = total > 0 ? width / total : 1;
    int height = 140 + 24 * Math.max(1, in.teams().size());
    double maxRisk = lines.stream().mapToDouble(SectorLine::risk).max().orElse(1);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
        width + 60, height, width + 60, height));
    b.append("<text x=\"30\" y=\"18\" font-size=\"13\" font-weight=\"bold\">The border as a strip, sectors to scale")
        .append(String.format(Locale.ROOT, " (%.0f km); colour: risk left after the plan</text>%n", total));
    double x = left;
    for (SectorLine l : lines) {
      double w = in.borderKm()[l.k()] * scale;
      double shade = maxRisk > 0 ? l.left() / maxRisk : 0;
      int g = (int) Math.round(235 - 180 * shade);
      b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"30\" width=\"%.1f\" height=\"50\" fill=\"rgb(240,%d,%d)\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
          x, w - 1, g, g, l.undermanned() ? "#000" : "#888", l.undermanned() ? "3" : "1"));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"50\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n", x + w / 2, esc(l.sector())));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"68\" font-size=\"10\" text-anchor=\"middle\">%.2f left</text>%n", x + w / 2, l.left()));
      x += w;
    }
    for (int t = 0; t < in.teams().size(); t++) {
      Roster.Team team = in.teams().get(t);
      int k = plan.sectorOf()[t];
      int y = 110 + 24 * t;
      int base = in.sectors().indexOf(team.base());
      double bx = left + in.midKm()[Math.max(0, base)] * scale;
      if (k < 0) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s (%s) not sent</text>%n", bx, y + 4, esc(team.id()),
            team.mobility().name().toLowerCase(Locale.ROOT)));
        continue;
      }
      double tx = left + in.midKm()[k] * scale;
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#2471a3\" stroke-dasharray=\"4 3\"/>%n", bx, y, tx, y));
      b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"6\" height=\"6\" fill=\"#7f8c8d\"/>%n", bx - 3, y - 3));
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"80\" x2=\"%.1f\" y2=\"%d\" stroke=\"#2471a3\" stroke-width=\"0.5\"/>%n", tx, tx, y));
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"#2471a3\"/>%n", tx, y));
      // The label goes right of both ends, so the travel line never runs through it.
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s (%s, %s–%s)</text>%n", Math.max(bx, tx) + 10, y + 4, esc(team.id()),
          team.mobility().name().toLowerCase(Locale.ROOT), clock(team.startH()), clock(team.endH())));
    }
    return b.append("</svg>\n").toString();
  }
}
