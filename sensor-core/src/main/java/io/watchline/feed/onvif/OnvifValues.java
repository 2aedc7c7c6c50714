package io.watchline.feed.onvif;

import io.watchline.ndjson.IsoTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How ONVIF metadata's free-form values (class names, times) become canonical ones. */
final class OnvifValues {
  private OnvifValues() {}

  /** ONVIF class names to the canonical lower-case classes fusion understands. */
  static String normaliseClass(String c) {
    if (c == null) {
      return null;
    }
    String s = c.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "human", "person", "humanbody", "humanface", "face" -> "human";
      case "vehicle", "car", "truck", "bus", "motorcycle", "bicycle", "licenseplate", "vehical" -> "vehicle";
      case "animal", "dog", "cat", "horse" -> "animal";
      default -> s;
    };
  }

  /** xs:dateTime; ONVIF cameras sometimes omit the zone, which then means UTC. */
  static Instant parseTime(String s) {
    try {
      return IsoTime.parse(s);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }
}
