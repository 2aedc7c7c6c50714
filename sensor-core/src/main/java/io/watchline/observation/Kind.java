package io.watchline.observation;

import io.watchline.geo.InvalidValueException;
import java.util.Locale;

/** What kind of sensor produced an observation. Serialised in lower case. */
public enum Kind {
  RADAR,
  THERMAL,
  PATROL;

  // computed once: fromWire runs for every record read
  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  private static final Kind[] VALUES = values();

  /** Parses the lower-case wire name; throws IllegalArgumentException with the allowed values. */
  public static Kind fromWire(String s) {
    for (Kind k : VALUES) {
      if (k.wire.equals(s)) {
        return k;
      }
    }
    throw new InvalidValueException("kind must be radar, thermal or patrol, not '" + s + "'");
  }
}
