package io.watchline.share;

import io.watchline.geo.InvalidValueException;
import java.util.Locale;

/**
 * How much of an incident list leaves the house. One table (docs/cooperation.md): each level
 * below {@link #INTERNAL} gives away strictly less than the one above it.
 */
public enum ShareLevel {
  /** Everything fusion wrote, evidence offsets included; for the originator's own staff. */
  INTERNAL("RESTRICTED", "TLP:AMBER+STRICT"),
  /**
   * For a neighbouring border police: sensor ids as keyed pseudonyms, no patrol units or
   * positions, evidence as keyed references, exact positions only near the border.
   */
  NEIGHBOUR("RESTRICTED", "TLP:AMBER"),
  /** The EUROSUR events-layer fields of each incident (Annex 2 of Regulation 2021/581). */
  EUROSUR("RESTRICTED", "TLP:AMBER"),
  /** Counts per night, sector, kind and direction; no positions, no times finer than the night. */
  STATISTICS("UNCLASSIFIED", "TLP:GREEN");

  private final String classification;
  private final String tlp;

  ShareLevel(String classification, String tlp) {
    this.classification = classification;
    this.tlp = tlp;
  }

  /** Default security classification of records shared at this level. */
  public String classification() {
    return classification;
  }

  /** Traffic Light Protocol (2.0) label of records shared at this level. */
  public String tlp() {
    return tlp;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ShareLevel fromWire(String s) {
    for (ShareLevel l : values()) {
      if (l.wireName().equals(s)) {
        return l;
      }
    }
    throw new InvalidValueException("sharing level must be internal, neighbour, eurosur or statistics, not '" + s + "'");
  }

  @Override
  public String toString() {
    return wireName();
  }
}
