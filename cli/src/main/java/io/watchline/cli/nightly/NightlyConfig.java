package io.watchline.cli.nightly;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.watchline.sites.ConfigYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code nightly.yaml}: what a nightly run reads and where it writes. Relative paths are resolved
 * against the config file's folder, so a config and its data can move together. Unknown keys are
 * errors (a typo must not silently drop a feed). See docs/cli.md for an example.
 */
public record NightlyConfig(
    Path base,
    Map<String, FeedSpec> feeds,
    Path border,
    Path sectors,
    double sectorEveryKm,
    double sectorBandKm,
    Path sites,
    Path dem,
    double coverageCellM,
    List<String> incidents,
    Path outputRoot,
    ZoneId timezone,
    LocalTime windowStart,
    LocalTime windowEnd,
    int topIncidents,
    double minScore,
    long maxBad,
    boolean failOnSilentSensor,
    boolean failOnEmptyFeed,
    List<String> sensorStatus,
    double coverageSweepM,
    long coverageRevisitMs) {

  /** The YAML as written: snake_case keys, plain types. */
  record Raw(
      Map<String, com.fasterxml.jackson.databind.JsonNode> feeds,
      String border,
      String sectors,
      @JsonProperty("sector_every_km") Double sectorEveryKm,
      @JsonProperty("sector_band_km") Double sectorBandKm,
      String sites,
      String dem,
      @JsonProperty("coverage_cell_m") Double coverageCellM,
      List<String> incidents,
      @JsonProperty("output_root") String outputRoot,
      String timezone,
      Window window,
      Thresholds thresholds,
      @JsonProperty("max_bad") Long maxBad,
      @JsonProperty("fail_on_silent_sensor") Boolean failOnSilentSensor,
      @JsonProperty("fail_on_empty_feed") Boolean failOnEmptyFeed,
      @JsonProperty("sensor_status") List<String> sensorStatus,
      @JsonProperty("coverage_sweep_m") Double coverageSweepM,
      @JsonProperty("coverage_revisit_min") Double coverageRevisitMin) {}

  record Window(String start, String end) {}

  record Thresholds(@JsonProperty("top_incidents") Integer topIncidents, @JsonProperty("min_score") Double minScore) {}

  /** Thrown with a message that names the file and the key to fix. */
  public static final class ConfigException extends io.watchline.geo.InvalidValueException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }

  public static NightlyConfig load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("no such config file: " + file + " (see docs/cli.md for an example nightly.yaml)");
    }
    ObjectMapper yaml =
        ConfigYaml.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Raw raw;
    try {
      raw = yaml.readValue(file.toFile(), Raw.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(file + ": unknown key '" + e.getPropertyName() + "'; known keys: "
          + "feeds, border, sectors, sector_every_km, sector_band_km, sites, dem, coverage_cell_m, incidents, output_root, timezone, "
          + "window (start, end), thresholds (top_incidents, min_score), max_bad, fail_on_silent_sensor, fail_on_empty_feed, "
          + "sensor_status, coverage_sweep_m, coverage_revisit_min");
    } catch (JsonMappingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new ConfigException(ConfigYaml.describe(e, file.toString()));
    }
    if (raw == null) {
      throw new ConfigException(file + " is empty");
    }
    Path base = file.toAbsolutePath().getParent();
    if (raw.border() == null) throw new ConfigException(file + ": 'border' is required (a border line file)");
    if (raw.outputRoot() == null) throw new ConfigException(file + ": 'output_root' is required (the folder for dated reports)");
    if ((raw.feeds() == null || raw.feeds().isEmpty()) && (raw.incidents() == null || raw.incidents().isEmpty())) {
      throw new ConfigException(file + ": 'feeds' is required: a map of feed name to file globs");
    }
    ZoneId tz;
    try {
      tz = raw.timezone() == null ? ZoneId.of("UTC") : ZoneId.of(raw.timezone());
    } catch (DateTimeException e) {
      throw new ConfigException(file + ": timezone '" + raw.timezone() + "' is not a zone id like Europe/Podgorica");
    }
    LocalTime start = time(file, "window.start", raw.window() == null ? null : raw.window().start(), LocalTime.of(18, 0));
    LocalTime end = time(file, "window.end", raw.window() == null ? null : raw.window().end(), LocalTime.of(8, 0));
    Thresholds th = raw.thresholds() == null ? new Thresholds(null, null) : raw.thresholds();
    int top = th.topIncidents() == null ? 20 : th.topIncidents();
    if (raw.coverageCellM() != null && !(raw.coverageCellM() >= 5)) {
      throw new ConfigException(file + ": coverage_cell_m must be at least 5");
    }
    if (raw.coverageSweepM() != null && !(raw.coverageSweepM() >= 0)) {
      throw new ConfigException(file + ": coverage_sweep_m must be 0 or more");
    }
    if (raw.coverageRevisitMin() != null && !(raw.coverageRevisitMin() > 0)) {
      throw new ConfigException(file + ": coverage_revisit_min must be positive");
    }
    if (th.minScore() != null && !(th.minScore() >= 0 && th.minScore() <= 1)) {
      throw new ConfigException(file + ": thresholds.min_score must be between 0 and 1");
    }
    if (top < 1) throw new ConfigException(file + ": thresholds.top_incidents must be at least 1");
    Map<String, FeedSpec> feeds = new TreeMap<>();
    if (raw.feeds() != null) {
      raw.feeds().forEach((name, spec) -> feeds.put(name, FeedSpec.parse(spec, base, file + ": feed '" + name + "'")));
    }
    return new NightlyConfig(
        base,
        feeds,
        base.resolve(raw.border()),
        raw.sectors() == null ? null : base.resolve(raw.sectors()),
        raw.sectorEveryKm() == null ? 10 : raw.sectorEveryKm(),
        raw.sectorBandKm() == null ? 5 : raw.sectorBandKm(),
        raw.sites() == null ? null : base.resolve(raw.sites()),
        raw.dem() == null ? null : base.resolve(raw.dem()),
        raw.coverageCellM() == null ? 50 : raw.coverageCellM(),
        raw.incidents() == null ? List.of() : List.copyOf(raw.incidents()),
        base.resolve(raw.outputRoot()),
        tz,
        start,
        end,
        top,
        th.minScore() == null ? 0.5 : th.minScore(),
        raw.maxBad() == null ? -1 : raw.maxBad(),
        Boolean.TRUE.equals(raw.failOnSilentSensor()),
        Boolean.TRUE.equals(raw.failOnEmptyFeed()),
        raw.sensorStatus() == null ? List.of() : List.copyOf(raw.sensorStatus()),
        raw.coverageSweepM() == null ? 300 : raw.coverageSweepM(),
        raw.coverageRevisitMin() == null ? 4 * 3_600_000L : Math.round(raw.coverageRevisitMin() * 60_000));
  }

  private static LocalTime time(Path file, String key, String v, LocalTime dflt) {
    if (v == null) return dflt;
    try {
      return LocalTime.parse(v.length() == 4 ? "0" + v : v);
    } catch (DateTimeException e) {
      throw new ConfigException(file + ": " + key + " must be a local time like 18:00, not '" + v + "'");
    }
  }
}
