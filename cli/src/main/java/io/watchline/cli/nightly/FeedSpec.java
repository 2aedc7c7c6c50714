package io.watchline.cli.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * One feed of {@code nightly.yaml}: its file globs and the reader options a feed may not carry
 * itself, as {@code watchline ingest} takes them on the command line. Either a list of globs, or
 * a mapping:
 *
 * <pre>
 * radar:
 *   files: ["feeds/radar-*.ast"]
 *   date: 2026-11-27        # default: from the window (ASTERIX time of day, NMEA GGA before RMC)
 *   format: asterix         # default: auto (detected from the content)
 *   framing: auto           # ASTERIX framing: auto (detected), raw, final, pcap or gps
 *   cat062_edition: auto
 *   sensor: CAM-03          # id for feeds that name none
 *   all_cot_types: false
 *   sites: radar-sites.yaml # a registry for this feed only (default: the config's sites)
 * </pre>
 *
 * @param date null: take it from the window
 * @param sites null: the config's {@code sites}
 */
public record FeedSpec(
    List<String> files, FeedFormat format, LocalDate date, String framing, FeedOptions.Cat062Edition cat062Edition,
    String sensor, boolean allCotTypes, Path sites) {

  static final List<String> KEYS =
      List.of("files", "date", "format", "framing", "cat062_edition", "sensor", "all_cot_types", "sites");
  static final List<String> FRAMINGS = List.of("auto", "raw", "final", "pcap", "gps");

  /** The reader options for a run over {@code window}: a date-less feed takes its date from it. */
  public FeedOptions options(Window window) {
    FeedOptions o = FeedOptions.defaults().withCat062Edition(cat062Edition).withSensor(sensor).withAllCotTypes(allCotTypes)
        .withFraming(io.watchline.feed.asterix.Framing.parse(framing));
    if (date != null) {
      return o.withDate(date);
    }
    return o.withDateNear(window.start().plus(java.time.Duration.between(window.start(), window.end()).dividedBy(2)));
  }

  /** Parses a feed entry; {@code where} prefixes errors ("nightly.yaml: feed 'radar'"). */
  static FeedSpec parse(JsonNode n, Path base, String where) {
    if (n == null || n.isNull()) {
      throw new NightlyConfig.ConfigException(where + " lists no files");
    }
    if (n.isArray() || n.isTextual()) {
      return new FeedSpec(globs(n, where), FeedFormat.AUTO, null, "auto", FeedOptions.Cat062Edition.AUTO, null, false, null);
    }
    if (!n.isObject()) {
      throw new NightlyConfig.ConfigException(where + " must be a list of file globs or a mapping with 'files:'");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new NightlyConfig.ConfigException(where + ": unknown key '" + k + "'; known keys: " + String.join(", ", KEYS));
      }
    }
    List<String> files = globs(n.get("files"), where);
    FeedFormat format = FeedFormat.AUTO;
    if (n.hasNonNull("format")) {
      try {
        format = FeedFormat.valueOf(n.get("format").asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new NightlyConfig.ConfigException(where + ": format must be one of auto, asterix, onvif, nmea, gpx, cot, csv,"
            + " ndjson, not '" + n.get("format").asText() + "'");
      }
    }
    LocalDate date = null;
    if (n.hasNonNull("date")) {
      try {
        date = LocalDate.parse(n.get("date").asText());
      } catch (DateTimeParseException e) {
        throw new NightlyConfig.ConfigException(where + ": date must be YYYY-MM-DD, not '" + n.get("date").asText()
            + "' (leave it out to take the date from the window)");
      }
    }
    String framing = n.path("framing").asText("auto").toLowerCase(Locale.ROOT);
    if (!FRAMINGS.contains(framing)) {
      throw new NightlyConfig.ConfigException(where + ": framing must be one of " + String.join(", ", FRAMINGS) + ", not '" + framing + "'");
    }
    FeedOptions.Cat062Edition edition;
    try {
      edition = FeedOptions.Cat062Edition.parse(n.path("cat062_edition").asText("auto"));
    } catch (IllegalArgumentException e) {
      throw new NightlyConfig.ConfigException(where + ": cat062_edition must be auto, 0.17 or 1.18");
    }
    JsonNode cot = n.get("all_cot_types");
    if (cot != null && !cot.isBoolean()) {
      throw new NightlyConfig.ConfigException(where + ": all_cot_types must be true or false");
    }
    String sensor = n.hasNonNull("sensor") ? n.get("sensor").asText() : null;
    Path sites = n.hasNonNull("sites") ? base.resolve(n.get("sites").asText()) : null;
    return new FeedSpec(files, format, date, framing, edition, sensor, cot != null && cot.asBoolean(), sites);
  }

  private static List<String> globs(JsonNode n, String where) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isTextual()) {
      out.add(n.asText());
    } else if (n != null && n.isArray()) {
      for (JsonNode g : n) {
        if (!g.isTextual() || g.asText().isBlank()) {
          throw new NightlyConfig.ConfigException(where + ": file globs must be strings");
        }
        out.add(g.asText());
      }
    }
    if (out.isEmpty()) {
      throw new NightlyConfig.ConfigException(where + " lists no files");
    }
    return List.copyOf(out);
  }
}
