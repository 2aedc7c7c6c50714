package io.watchline.feed;

import io.watchline.geo.InvalidValueException;
import io.watchline.feed.asterix.Framing;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reader options that the feed itself may not carry.
 *
 * @param date UTC date that ASTERIX time-of-day values belong to (null: take it from the file's
 *     context, e.g. pcap timestamps)
 * @param cat062Edition which CAT062 edition to decode
 * @param sensor sensor or unit id to use when the feed names none (ONVIF camera site, NMEA/GPX unit)
 * @param allCotTypes make every CoT event with a position a patrol fix, not only friendly ground
 *     units ({@code a-f-G*})
 * @param dedupWindowMs how far apart two identical pcap payloads may arrive and still count as one
 *     multicast copy of the other
 * @param framing how ASTERIX blocks are packed ({@code --framing}); null: detected from the content
 * @param near when set, ASTERIX time of day starts on the day that puts the first record nearest
 *     this instant (the middle of a nightly window), instead of on {@code date}; a window that
 *     spans midnight then reads files that start on either side of it
 * @param status where signs of life that are not observations go (CAT034 service messages, empty
 *     ONVIF frames); {@link StatusSink#NONE} by default
 */
public record FeedOptions(
    LocalDate date, Cat062Edition cat062Edition, String sensor, boolean allCotTypes, long dedupWindowMs,
    Framing framing, Instant near, StatusSink status) {

  /** CAT062 editions: 0.17 has I062/105 as 2x24 bits, 1.18 as 2x32 bits. */
  public enum Cat062Edition {
    AUTO,
    V0_17,
    V1_18;

    /** Parses {@code auto}, {@code 0.17} or {@code 1.18}. */
    public static Cat062Edition parse(String s) {
      return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "auto" -> AUTO;
        case "0.17", "0_17", "v0_17" -> V0_17;
        case "1.18", "1_18", "v1_18" -> V1_18;
        default -> throw new InvalidValueException(
            "--cat062-edition must be auto, 0.17 or 1.18, not '" + s + "'");
      };
    }
  }

  public static final long DEFAULT_DEDUP_WINDOW_MS = 1000;

  public static FeedOptions defaults() {
    return new FeedOptions(null, Cat062Edition.AUTO, null, false, DEFAULT_DEDUP_WINDOW_MS, null, null, StatusSink.NONE);
  }

  public FeedOptions withDate(LocalDate d) {
    return new FeedOptions(d, cat062Edition, sensor, allCotTypes, dedupWindowMs, framing, near, status);
  }

  public FeedOptions withCat062Edition(Cat062Edition e) {
    return new FeedOptions(date, e, sensor, allCotTypes, dedupWindowMs, framing, near, status);
  }

  public FeedOptions withSensor(String s) {
    return new FeedOptions(date, cat062Edition, s, allCotTypes, dedupWindowMs, framing, near, status);
  }

  public FeedOptions withAllCotTypes(boolean all) {
    return new FeedOptions(date, cat062Edition, sensor, all, dedupWindowMs, framing, near, status);
  }

  public FeedOptions withFraming(Framing f) {
    return new FeedOptions(date, cat062Edition, sensor, allCotTypes, dedupWindowMs, f, near, status);
  }

  /** Time of day is anchored near {@code t} (see {@link #near}); {@code date} stays for NMEA. */
  public FeedOptions withDateNear(Instant t) {
    return new FeedOptions(date, cat062Edition, sensor, allCotTypes, dedupWindowMs, framing, t, status);
  }

  /** Signs of life that are not observations go to {@code sink}. */
  public FeedOptions withStatus(StatusSink sink) {
    return new FeedOptions(date, cat062Edition, sensor, allCotTypes, dedupWindowMs, framing, near, sink);
  }
}
