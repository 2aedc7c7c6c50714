package io.watchline.sites;

import java.util.Locale;

/** The kinds of fixed sensor a site can be. */
public enum SiteKind {
  RADAR,
  THERMAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
