package io.watchline.feed;

import java.util.Locale;

/** The feed formats Watchline reads. {@link #AUTO} means: detect from the content. */
public enum FeedFormat {
  AUTO,
  /** EUROCONTROL ASTERIX (CAT048, CAT062, CAT034) in raw, pcap, FINAL or GPS framing. */
  ASTERIX,
  /** ONVIF analytics metadata XML ({@code tt:MetadataStream}). */
  ONVIF,
  /** NMEA 0183 sentences (RMC, GGA). */
  NMEA,
  /** GPX 1.0 / 1.1 track and way points. */
  GPX,
  /** Cursor-on-Target XML events. */
  COT,
  /** Generic radar, thermal or patrol export as CSV (or NDJSON) with a header-driven mapping. */
  CSV,
  /** Canonical Watchline observations, one JSON object a line. */
  NDJSON;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
