package io.watchline.analytics.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tonight's teams: {@code team,start,end,base,mobility} (UTC clock times; base a sector id; foot or vehicle). */
public record Roster(List<Team> teams) {

  public enum Mobility {
    FOOT(4, 4),
    VEHICLE(40, 8);

    /** Travel speed along the border, km/h. */
    public final double kmh;
    /** Border a team watches in its sector, km. */
    public final double watchKm;

    Mobility(double kmh, double watchKm) {
      this.kmh = kmh;
      this.watchKm = watchKm;
    }
  }

  /** Start and end are hours after the window start (18:00 UTC), so 19:30 is 1.5 and 02:00 is 8. */
  public record Team(String id, double startH, double endH, String base, Mobility mobility) {}

  /** A roster line that cannot be used, with its line number. */
  public static final class BadRoster extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadRoster(String m) {
      super(m);
    }
  }

  public static Roster read(Path file) throws IOException {
    List<Team> teams = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.trim().replace(" ", "").toLowerCase(Locale.ROOT).equals("team,start,end,base,mobility")) {
        throw new BadRoster(file + " line 1: the header must be team,start,end,base,mobility");
      }
      String line;
      int n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split(",", -1);
        if (f.length != 5) throw new BadRoster(file + " line " + n + ": 5 fields expected, found " + f.length);
        double start = hour(f[1].trim(), file, n);
        double end = hour(f[2].trim(), file, n);
        if (end <= start) end += 24;
        Mobility m;
        try {
          m = Mobility.valueOf(f[4].trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new BadRoster(file + " line " + n + ": mobility must be foot or vehicle, not '" + f[4].trim() + "'");
        }
        teams.add(new Team(f[0].trim(), start, Math.min(end, Planner.SLOTS), f[3].trim(), m));
      }
    }
    if (teams.isEmpty()) throw new BadRoster(file + ": no teams");
    return new Roster(List.copyOf(teams));
  }

  /** Hours after 18:00 UTC. */
  private static double hour(String s, Path file, int line) {
    try {
      LocalTime t = LocalTime.parse(s.length() == 4 ? "0" + s : s);
      double h = t.getHour() + t.getMinute() / 60.0 - 18;
      return h < 0 ? h + 24 : h;
    } catch (DateTimeParseException e) {
      throw new BadRoster(file + " line " + line + ": '" + s + "' is not a time (HH:MM, UTC)");
    }
  }
}
