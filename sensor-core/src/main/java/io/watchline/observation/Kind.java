package io.watchline.observation;

import io.watchline.geo.InvalidValueException;
import java.util.Locale;

/** What kind of sensor produced an observation. Serialised in lower case. */
public enum Kind {
  RADAR,
  THERMAL,
  PATROL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the lower-case wire name; throws IllegalArgumentException with the allowed values. */
  public static Kind fromWire(String s) {
    for (Kind k : values()) {
      if (k.wireName().equals(s)) {
        return k;
      }
    }
    throw new InvalidValueException("kind must be radar, thermal or patrol, not '" + s + "'");
  }
}
