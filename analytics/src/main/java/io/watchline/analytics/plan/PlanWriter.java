package io.watchline.analytics.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** plan.csv, sectors.csv, plan.svg (the sectors along the border with the teams sent), plan.html (printable) and plan.txt. */
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
            + "th{background:#eee}tr.under td{background:#fadbd8;font-weight:bold}svg{max-width:100%;height:auto}</style>"
            + "</head><body>\n<h1>Patrol plan, night ending ").append(night).append("</h1>\n<p>").append(esc(text).replace("\n", "<br>"))
        .append("</p>\n<h2>Map</h2>\n").append(svg).append("\n<h2>Teams</h2>\n<table><tr><th>team</th><th>mobility</th><th>base</th><th>sector</th><th>on duty (UTC)</th>"
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
    return b.append("</table>\n</body></html>\n").toString();
  }

  private static final int PAD = 24;
  private static final int BOX_TOP = 64;
  private static final int BOX_HEIGHT = 96;
  private static final int TEAM_ROW = 30;

  /**
   * The border as a row of sector columns in their order along it (equal widths, so every label
   * is readable; each column states its km). Colour = risk left after the plan, a thick outline =
   * undermanned. Under each column the teams sent there, as badges; a dashed arrow from the
   * team's base when it travels. A legend explains colours and marks. The drawing is sized to its
   * content with a margin on every side, so nothing is cut off in the page or in print.
   */
  static String map(Planner.Instance in, List<SectorLine> lines, Planner.Plan plan) {
    int n = in.sectors().size();
    // columns share a page width (1150 px, about an A4 landscape print) but never get too narrow to read
    int col = Math.max(64, Math.min(110, 1150 / Math.max(1, n)));
    double maxRisk = lines.stream().mapToDouble(SectorLine::risk).max().orElse(0);
    List<List<Integer>> bySector = new ArrayList<>();
    for (int k = 0; k < n; k++) bySector.add(new ArrayList<>());
    List<Integer> notSent = new ArrayList<>();
    for (int t = 0; t < in.teams().size(); t++) {
      if (plan.sectorOf()[t] < 0) notSent.add(t);
      else bySector.get(plan.sectorOf()[t]).add(t);
    }
    int deepest = bySector.stream().mapToInt(List::size).max().orElse(0);
    int teamsTop = BOX_TOP + BOX_HEIGHT + 28;
    int legendTop = teamsTop + Math.max(1, deepest) * TEAM_ROW + (notSent.isEmpty() ? 10 : 34);
    long undermanned = lines.stream().filter(SectorLine::undermanned).count();
    int width = Math.max(760, 2 * PAD + n * col);
    int height = legendTop + 76;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
        width, height, width, height));
    b.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", width, height));
    b.append(text(PAD, 22, 15, "bold", "start", "Where the teams go tonight"));
    b.append(text(PAD, 42, 12, "normal", "start", String.format(Locale.ROOT,
        "Sectors in their order along the border (%.0f km in all); number = expected crossings left unwatched after the plan",
        Arrays.stream(in.borderKm()).sum())));
    for (SectorLine l : lines) {
      int x = PAD + l.k() * col;
      double share = maxRisk > 0 ? l.left() / maxRisk : 0;
      b.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"><title>%s</title></rect>%n",
          x + 2, BOX_TOP, col - 4, BOX_HEIGHT, riskColour(share), l.undermanned() ? "#000" : "#999",
          l.undermanned() ? "3" : "1", esc(String.format(Locale.ROOT, "%s: risk %.2f, covered %.2f, left %.2f%s", l.sector(),
              l.risk(), l.covered(), l.left(), l.undermanned() ? " (undermanned)" : ""))));
      int cx = x + col / 2;
      b.append(text(cx, BOX_TOP + 22, 14, "bold", "middle", l.sector()));
      b.append(text(cx, BOX_TOP + 48, 18, "bold", "middle", String.format(Locale.ROOT, "%.2f", l.left())));
      b.append(text(cx, BOX_TOP + 66, 11, "normal", "middle", String.format(Locale.ROOT, "of %.2f", l.risk())));
      b.append(text(cx, BOX_TOP + 86, 11, "normal", "middle", String.format(Locale.ROOT, "%.1f km", in.borderKm()[l.k()])));
    }
    for (int k = 0; k < n; k++) {
      int cx = PAD + k * col + col / 2;
      List<Integer> here = bySector.get(k);
      for (int i = 0; i < here.size(); i++) {
        Roster.Team team = in.teams().get(here.get(i));
        int y = teamsTop + i * TEAM_ROW;
        int base = in.sectors().indexOf(team.base());
        if (base >= 0 && base != k && i == 0) {
          int bx = PAD + base * col + col / 2;
          b.append(String.format(Locale.ROOT,
              "<path d=\"M %d %d L %d %d L %d %d\" fill=\"none\" stroke=\"#2471a3\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" marker-end=\"url(#arrow)\"/>%n",
              bx, BOX_TOP + BOX_HEIGHT + 4, bx, BOX_TOP + BOX_HEIGHT + 14, cx, BOX_TOP + BOX_HEIGHT + 14));
          b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"8\" height=\"8\" fill=\"#555\"/>%n", bx - 4,
              BOX_TOP + BOX_HEIGHT + 2));
        }
        b.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#2471a3\"><title>%s</title></rect>%n",
            cx - col / 2 + 6, y, col - 12, TEAM_ROW - 6, esc(team.id() + ": " + team.mobility().name().toLowerCase(Locale.ROOT)
                + ", base " + team.base() + ", " + clock(team.startH()) + "–" + clock(team.endH()) + " UTC")));
        b.append(textFill(cx, y + 11, 11, "bold", team.id() + " " + (team.mobility() == Roster.Mobility.FOOT ? "foot" : "veh.")));
        b.append(textFill(cx, y + 21, 9, "normal", clock(team.startH()) + "–" + clock(team.endH())));
      }
    }
    if (!notSent.isEmpty()) {
      List<String> names = notSent.stream().map(t -> in.teams().get(t).id()).toList();
      b.append(text(PAD, legendTop - 14, 12, "normal", "start", "Not sent (would add nothing): " + String.join(", ", names)));
    }
    int ly = legendTop + 8;
    b.append(text(PAD, ly, 12, "bold", "start", "Legend"));
    for (int i = 0; i <= 4; i++) {
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"28\" height=\"16\" fill=\"%s\" stroke=\"#999\"/>%n",
          PAD + i * 28, ly + 10, riskColour(i / 4.0)));
    }
    b.append(text(PAD, ly + 42, 11, "normal", "start", String.format(Locale.ROOT, "risk left: 0 … %.2f", maxRisk)));
    int x2 = PAD + 190;
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"28\" height=\"16\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"3\"/>%n",
        x2, ly + 10));
    b.append(text(x2 + 36, ly + 23, 11, "normal", "start", "undermanned: half or more of its risk left"));
    b.append(text(x2 + 36, ly + 40, 11, "normal", "start", undermanned + " of " + n + " sectors tonight"));
    int x3 = x2 + 290;
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"40\" height=\"16\" rx=\"4\" fill=\"#2471a3\"/>%n", x3, ly + 10));
    b.append(text(x3 + 48, ly + 23, 11, "normal", "start", "team sent there (hours UTC)"));
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"8\" height=\"8\" fill=\"#555\"/>%n", x3, ly + 40));
    b.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#2471a3\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" marker-end=\"url(#arrow)\"/>%n",
        x3 + 10, ly + 44, x3 + 40, ly + 44));
    b.append(text(x3 + 48, ly + 48, 11, "normal", "start", "travels from its base"));
    b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
        + " orient=\"auto\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#2471a3\"/></marker></defs>\n");
    return b.append("</svg>\n").toString();
  }

  /** White (nothing left) to deep red (the most risk left). */
  private static String riskColour(double share) {
    double s = Math.max(0, Math.min(1, share));
    return String.format(Locale.ROOT, "rgb(%d,%d,%d)", (int) Math.round(255 - 55 * s), (int) Math.round(250 - 190 * s),
        (int) Math.round(245 - 195 * s));
  }

  private static String text(int x, int y, int size, String weight, String anchor, String s) {
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"%s\">%s</text>%n",
        x, y, size, weight, anchor, esc(s));
  }

  private static String textFill(int x, int y, int size, String weight, String s) {
    return String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"middle\" fill=\"#fff\">%s</text>%n", x, y, size,
        weight, esc(s));
  }
}
