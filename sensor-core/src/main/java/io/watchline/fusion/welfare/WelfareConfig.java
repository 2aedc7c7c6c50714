package io.watchline.fusion.welfare;

/**
 * The rules for raising a welfare incident, each with its unit. Built by name from {@link
 * #defaults()}: {@code WelfareConfig.defaults().withStationaryMinMs(20 * 60_000)}.
 *
 * @param stayRadiusM a stay is the track remaining within this distance of where it stopped, m
 *     (75 m: a filtered radar track of a sitting group jitters by tens of metres; over 30 min it
 *     means a mean speed far below the 0.3 m/s of a slow walk)
 * @param stationaryMinMs a stay this long away from roads is a welfare case (30 min: longer than
 *     any rest a walking group takes; smugglers who left their group do not come back)
 * @param exposedMinMs a stay this long in wind chill at or below {@code exposureWindChillC} is one
 *     (15 min: sitting still in freezing wind cools people fast)
 * @param exposureWindChillC wind chill at or below which a stay is exposure, °C
 * @param roadClearM a stay within this distance of a road is a pick-up, not an abandonment, m
 * @param waterNearM a track ending this close to water (or in it) is someone at the water, m
 * @param waterSlowMs ... when its last minutes, this long, were slower than {@code slowMps}
 * @param slowMps the speed of someone no longer walking on, m/s
 * @param selfM a track within this mean distance of a patrol unit is that patrol itself, m (a
 *     patrol standing 50 m from people hides no one)
 * @param straightMin a walk before the stay at least this straight is a person's (animals wander)
 */
public record WelfareConfig(
    double stayRadiusM,
    long stationaryMinMs,
    long exposedMinMs,
    double exposureWindChillC,
    double roadClearM,
    double waterNearM,
    long waterSlowMs,
    double slowMps,
    double selfM,
    double straightMin) {

  public static WelfareConfig defaults() {
    return new WelfareConfig(75, 30 * 60_000L, 15 * 60_000L, 0, 300, 60, 5 * 60_000L, 0.3, 25, 0.8);
  }

  public WelfareConfig withStationaryMinMs(long ms) {
    return new WelfareConfig(stayRadiusM, ms, exposedMinMs, exposureWindChillC, roadClearM, waterNearM, waterSlowMs,
        slowMps, selfM, straightMin);
  }
}
