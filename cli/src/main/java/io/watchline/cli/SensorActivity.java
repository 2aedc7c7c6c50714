package io.watchline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.geo.coverage.SensorUptime;
import io.watchline.ndjson.LineReader;
import io.watchline.observation.Source;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sensor liveness for coverage: which sensors were alive when, from their observations and from
 * status lines. A status file is NDJSON, one line per sign of life that is not an observation
 * (a radar's scan / CAT034 north marker, a camera's analytics frame without objects):
 * {@code {"t":"2026-11-27T23:00:03Z","sensor":"RDR-01"}} (other fields are ignored). See
 * docs/coverage.md, "Sensor availability".
 */
public final class SensorActivity {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SensorActivity() {}

  /** An uptime tracker for the window with each site's timeout: its {@code silence_timeout_s} or its kind's default. */
  public static SensorUptime uptime(SiteRegistry sites, long start, long end) {
    Map<String, Long> timeouts = new LinkedHashMap<>();
    for (Site s : sites.all()) {
      long own = sites.silenceTimeoutMs(s.id());
      timeouts.put(s.id(), own > 0 ? own
          : s.kind() == SiteKind.RADAR ? SensorUptime.DEFAULT_RADAR_TIMEOUT_MS : SensorUptime.DEFAULT_CAMERA_TIMEOUT_MS);
    }
    return new SensorUptime(start, end, timeouts);
  }

  /** Counts of one status file. */
  public record StatusStats(long read, long accepted, long rejected) {}

  /** Feeds a status file into the tracker; bad lines go to {@code rejects} with their offset and reason. */
  public static StatusStats readStatus(Path file, SensorUptime uptime, RejectSink rejects) throws IOException {
    long read = 0;
    long ok = 0;
    long bad = 0;
    try (InputStream in = Files.newInputStream(file); LineReader lines = new LineReader(in)) {
      while (lines.next()) {
        if (lines.blank()) {
          continue;
        }
        read++;
        String reason = null;
        if (lines.overlong()) {
          reason = "line longer than " + lines.maxLine() + " bytes";
        } else {
          try {
            JsonNode n = JSON.readTree(lines.text());
            String sensor = n == null ? null : n.path("sensor").asText(null);
            String t = n == null ? null : n.path("t").asText(null);
            if (sensor == null || sensor.isBlank() || t == null) {
              reason = "status line needs \"t\" and \"sensor\"";
            } else {
              uptime.heard(sensor, Instant.parse(t).toEpochMilli());
              ok++;
            }
          } catch (DateTimeParseException e) {
            reason = "\"t\" is not an ISO-8601 UTC time";
          } catch (IOException e) {
            reason = "invalid JSON";
          }
        }
        if (reason != null) {
          bad++;
          rejects.reject(new Reject(Source.atLine(file.toString(), lines.offset(), lines.lineNumber()), reason,
              lines.excerpt()));
        }
      }
    }
    return new StatusStats(read, ok, bad);
  }
}
