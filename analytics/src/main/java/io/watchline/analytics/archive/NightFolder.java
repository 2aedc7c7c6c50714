package io.watchline.analytics.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One night as the archive keeps it, read from a dated folder ({@code incidents.ndjson},
 * {@code sectors.csv}, and {@code sensors.csv} when present). Incidents are read field by field,
 * not as full incident records, so kinds this version does not know (and fields it ignores) are
 * kept rather than refused.
 */
public record NightFolder(LocalDate night, String sha256, List<IncidentRow> incidents, List<SectorRow> sectors,
    List<SensorRow> sensors, List<String> problems) {

  /** The incident fields trends and plans use. {@code groupSize} is 0 when unknown. */
  public record IncidentRow(String id, Instant t, String sector, String kind, String side, double score, double lat,
      double lon, int groupSize) {}

  /** One sector's figures for the night; coverage figures are NaN when the night had no coverage stage. */
  public record SectorRow(String sector, String name, double borderKm, double sensorKm, double patrolKm,
      double uncoveredKm, double unwatchedKmH, int incidentsInGaps) {}

  public record SensorRow(String sensor, double upPct) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether {@code dir} looks like a night folder: named YYYY-MM-DD with an incidents.ndjson. */
  public static boolean isNight(Path dir) {
    return Files.isRegularFile(dir.resolve("incidents.ndjson")) && dateOf(dir) != null;
  }

  static LocalDate dateOf(Path dir) {
    try {
      return LocalDate.parse(dir.getFileName().toString());
    } catch (DateTimeParseException | NullPointerException e) {
      return null;
    }
  }

  /** Reads the folder; lines that cannot be read are listed in {@link #problems()}, not fatal. */
  public static NightFolder read(Path dir) throws IOException {
    LocalDate night = dateOf(dir);
    if (night == null) {
      throw new IOException(dir + ": not a night folder (its name must be the date, YYYY-MM-DD)");
    }
    MessageDigest sha = newDigest();
    List<String> problems = new ArrayList<>();
    List<IncidentRow> incidents = readIncidents(dir.resolve("incidents.ndjson"), sha, problems);
    Path sectorsCsv = dir.resolve("sectors.csv");
    List<SectorRow> sectors = Files.isRegularFile(sectorsCsv) ? readSectors(sectorsCsv, sha) : List.of();
    Path sensorsCsv = dir.resolve("sensors.csv");
    List<SensorRow> sensors = Files.isRegularFile(sensorsCsv) ? readSensors(sensorsCsv, sha) : List.of();
    return new NightFolder(night, HexFormat.of().formatHex(sha.digest()), incidents, sectors, sensors, problems);
  }

  private static List<IncidentRow> readIncidents(Path file, MessageDigest sha, List<String> problems) throws IOException {
    List<IncidentRow> out = new ArrayList<>();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
        BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        try {
          JsonNode o = JSON.readTree(line);
          JsonNode f = o.path("factors");
          String t = f.path("event_t").isTextual() ? f.path("event_t").asText() : o.path("start").asText();
          out.add(new IncidentRow(o.path("id").asText(), Instant.parse(t), text(o, "sector"), text(o, "kind"),
              text(o, "side"), o.path("score").asDouble(Double.NaN), o.path("lat").asDouble(Double.NaN),
              o.path("lon").asDouble(Double.NaN), f.path("group_size").asInt(0)));
        } catch (IOException | DateTimeParseException e) {
          problems.add(file + " line " + n + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
      }
    }
    return out;
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<SectorRow> readSectors(Path file, MessageDigest sha) throws IOException {
    List<SectorRow> out = new ArrayList<>();
    for (Map<String, String> row : Csv.read(file, sha)) {
      out.add(new SectorRow(row.get("sector"), row.getOrDefault("name", ""), num(row, "border_km"), num(row, "sensor_km"),
          num(row, "patrol_km"), num(row, "uncovered_km"), num(row, "unwatched_km_h"),
          (int) Math.max(0, zeroIfNaN(num(row, "incidents_in_gaps")))));
    }
    return out;
  }

  private static List<SensorRow> readSensors(Path file, MessageDigest sha) throws IOException {
    List<SensorRow> out = new ArrayList<>();
    for (Map<String, String> row : Csv.read(file, sha)) {
      out.add(new SensorRow(row.get("sensor"), num(row, "up_pct")));
    }
    return out;
  }

  private static double num(Map<String, String> row, String col) {
    String v = row.get(col);
    if (v == null || v.isBlank()) return Double.NaN;
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double zeroIfNaN(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The small CSV dialect nightly writes: a header, fields quoted when they hold a comma or quote. */
  static final class Csv {
    static List<Map<String, String>> read(Path file, MessageDigest sha) throws IOException {
      List<Map<String, String>> rows = new ArrayList<>();
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
          BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
        String headerLine = r.readLine();
        if (headerLine == null) return rows;
        List<String> header = split(headerLine);
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) continue;
          List<String> f = split(line);
          Map<String, String> row = new TreeMap<>();
          for (int i = 0; i < header.size() && i < f.size(); i++) row.put(header.get(i), f.get(i));
          rows.add(row);
        }
      }
      return rows;
    }

    static List<String> split(String line) {
      List<String> out = new ArrayList<>();
      StringBuilder b = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            b.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            b.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          out.add(b.toString());
          b.setLength(0);
        } else {
          b.append(c);
        }
      }
      out.add(b.toString());
      return out;
    }
  }
}
