package io.watchline.reliability;

import java.util.ArrayList;
import java.util.List;

/** All fuzz subjects: every feed reader in {@link Targets} plus the non-feed parsers. */
final class Subjects {
  private Subjects() {}

  static List<FuzzSubject> all() {
    List<FuzzSubject> out = new ArrayList<>();
    for (FeedTarget t : Targets.all()) {
      out.add(FuzzSubject.of(t));
    }
    out.add(new SitesSubject());
    out.add(new GeoJsonSubject());
    return out;
  }

  static FuzzSubject byName(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no fuzz subject " + name));
  }
}
