package io.watchline.incident;

import io.watchline.geo.InvalidValueException;
import java.util.Locale;

/** What an incident candidate is about. Serialised in lower case. */
public enum IncidentKind {
  /** A track crossed the border line. */
  CROSSING,
  /** A track came within the approach distance heading in, then turned or was lost. */
  APPROACH,
  /** A track dwelt near the border. */
  LOITER,
  /** People who may be in danger: stopped far from help, exposed, at water (docs/welfare.md). */
  WELFARE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IncidentKind fromWire(String s) {
    for (IncidentKind k : values()) {
      if (k.wireName().equals(s)) {
        return k;
      }
    }
    throw new InvalidValueException("incident kind must be crossing, approach, loiter or welfare, not '" + s + "'");
  }
}
