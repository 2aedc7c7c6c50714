package io.watchline.share;

import java.util.Set;

/**
 * The rules of what may leave the house at the {@code neighbour} level and below, in one place.
 */
public final class SharingRules {
  private SharingRules() {}

  /**
   * Incident kinds whose position always goes out exact, at every level that carries positions:
   * a {@code welfare} incident (people in distress: cold, injured, lost) must reach whoever can
   * get there first, so coarsening its position to protect our sensor layout is never worth it.
   * No such kind exists yet; the rule is here so that the day it does, it is shared right.
   */
  public static final Set<String> ALWAYS_EXACT_KINDS = Set.of("welfare");

  public static boolean alwaysExact(String kind) {
    return ALWAYS_EXACT_KINDS.contains(kind);
  }

  /**
   * The score factors a neighbour may see: what was seen, not by what or near whom. Anything else
   * (fusion's track numbers, the distance to our nearest patrol {@code blue_force_m}, the score
   * explanation, factors added in future) stays home until it is added here.
   */
  public static final Set<String> NEIGHBOUR_FACTORS = Set.of(
      "event_t", "crossing", "distance_m", "corroborated", "cls", "cls_share", "group_size", "night",
      "conf", "hits", "straightness", "crossings", "speed_mps", "dwell_s",
      // welfare: why people may be in danger and what the partner needs to reach them (never our patrols)
      "priority", "reasons", "stay_min", "after_crossing", "road_m", "road_lat", "road_lon", "water_m",
      "temperature_c", "wind_kmh", "wind_chill_c", "precipitation_mm");
}
