package io.watchline.fusion.welfare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.ndjson.IsoTime;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Hourly weather at points ({@code --weather FILE}): CSV with a header naming {@code time, lat,
 * lon, temperature_c, wind_kmh, precipitation_mm}, or JSON (an array of such objects, or one
 * object per line). A forecast or reanalysis grid is a few thousand rows a night, so it is held in
 * memory. The weather at a place and time is the nearest point's row within {@link #MAX_GAP_MS}.
 */
public final class Weather {
  /** A row further in time than this from the question is not used, ms (hourly data: 90 min). */
  public static final long MAX_GAP_MS = 90 * 60_000L;

  /** One row. Precipitation is mm in the hour, NaN when not given. */
  public record Hour(long tMs, double lat, double lon, double temperatureC, double windKmh, double precipitationMm) {
    public double windChillC() {
      return WindChill.celsius(temperatureC, windKmh);
    }
  }

  private final List<Hour> rows;

  public Weather(List<Hour> rows) {
    List<Hour> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(Hour::tMs));
    this.rows = List.copyOf(sorted);
  }

  public int size() {
    return rows.size();
  }

  /** The row of the nearest point within {@link #MAX_GAP_MS} of {@code tMs}, nearest in time there; null if none. */
  public Hour at(long tMs, double lat, double lon) {
    int lo = 0, hi = rows.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rows.get(mid).tMs() < tMs - MAX_GAP_MS) lo = mid + 1;
      else hi = mid;
    }
    Hour best = null;
    double bestD = Double.POSITIVE_INFINITY;
    long bestGap = Long.MAX_VALUE;
    double k = Math.cos(Math.toRadians(lat));
    for (int i = lo; i < rows.size() && rows.get(i).tMs() <= tMs + MAX_GAP_MS; i++) {
      Hour h = rows.get(i);
      double dx = (h.lon() - lon) * k, dy = h.lat() - lat;
      double d = dx * dx + dy * dy;
      long gap = Math.abs(h.tMs() - tMs);
      if (d < bestD - 1e-12 || (Math.abs(d - bestD) <= 1e-12 && gap < bestGap)) {
        best = h;
        bestD = d;
        bestGap = gap;
      }
    }
    return best;
  }

  /**
   * Reads a CSV or JSON weather file (JSON when the first non-blank character is {@code [} or
   * {@code {}).
   *
   * @throws IllegalArgumentException naming the file and line when a row is not usable
   */
  public static Weather read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
    String head = text.stripLeading();
    List<Hour> rows = head.startsWith("[") || head.startsWith("{") ? json(text, file) : csv(text, file);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + ": no weather rows");
    }
    return new Weather(rows);
  }

  private static List<Hour> csv(String text, Path file) throws IOException {
    List<Hour> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String header = r.readLine();
      if (header == null) return out;
      String[] names = header.split(",", -1);
      int t = column(names, file, "time", "t"), la = column(names, file, "lat"), lo = column(names, file, "lon");
      int temp = column(names, file, "temperature_c", "temperature", "temp_c");
      int wind = column(names, file, "wind_kmh", "wind");
      int rain = optionalColumn(names, "precipitation_mm", "precipitation", "precip_mm");
      int line = 1;
      for (String s; (s = r.readLine()) != null; ) {
        line++;
        if (s.isBlank()) continue;
        String[] v = s.split(",", -1);
        try {
          out.add(new Hour(IsoTime.parse(v[t].trim()).toEpochMilli(), num(v[la]), num(v[lo]), num(v[temp]), num(v[wind]),
              rain < 0 || rain >= v.length || v[rain].isBlank() ? Double.NaN : num(v[rain])));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(file + ":" + line + ": not a weather row (time,lat,lon,temperature_c,wind_kmh"
              + "[,precipitation_mm]): " + s);
        }
      }
    }
    return out;
  }

  private static List<Hour> json(String text, Path file) throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<JsonNode> nodes = new ArrayList<>();
    if (text.stripLeading().startsWith("[")) {
      m.readTree(text).forEach(nodes::add);
    } else {
      for (String s : text.split("\n")) {
        if (!s.isBlank()) nodes.add(m.readTree(s));
      }
    }
    List<Hour> out = new ArrayList<>();
    int n = 0;
    for (JsonNode o : nodes) {
      n++;
      try {
        out.add(new Hour(IsoTime.parse(field(o, "time", "t").asText()).toEpochMilli(), field(o, "lat").asDouble(),
            field(o, "lon").asDouble(), field(o, "temperature_c", "temperature").asDouble(), field(o, "wind_kmh", "wind").asDouble(),
            o.has("precipitation_mm") ? o.get("precipitation_mm").asDouble() : o.has("precipitation") ? o.get("precipitation").asDouble() : Double.NaN));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(file + ": row " + n + ": not a weather row (time, lat, lon, temperature_c, wind_kmh): " + o);
      }
    }
    return out;
  }

  private static JsonNode field(JsonNode o, String... names) {
    for (String n : names) {
      if (o.hasNonNull(n)) return o.get(n);
    }
    throw new IllegalArgumentException("missing " + names[0]);
  }

  private static double num(String s) {
    return Double.parseDouble(s.trim());
  }

  private static int column(String[] names, Path file, String... wanted) {
    int i = optionalColumn(names, wanted);
    if (i < 0) {
      throw new IllegalArgumentException(file + ": the header has no '" + wanted[0] + "' column (need time,lat,lon,"
          + "temperature_c,wind_kmh[,precipitation_mm])");
    }
    return i;
  }

  private static int optionalColumn(String[] names, String... wanted) {
    for (String w : wanted) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].trim().toLowerCase(Locale.ROOT).equals(w)) return i;
      }
    }
    return -1;
  }
}
