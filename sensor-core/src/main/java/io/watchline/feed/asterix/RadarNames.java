package io.watchline.feed.asterix;

import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Who a radar's SAC/SIC is and what its tracks are called, worked out once per radar and track
 * number rather than once per record (a recording mostly carries one radar). One per reader; not
 * thread-safe.
 */
final class RadarNames {
  private final SiteRegistry sites;
  /** Registry answers by SAC << 8 | SIC: a Site, or FALSE for a radar the registry lacks. */
  private final Map<Integer, Object> cache = new HashMap<>();
  private int lastKey = -1;
  private Site last;
  private final String[] trackNames = new String[4096]; // 12-bit track numbers
  private String trackNamesSensor;

  RadarNames(SiteRegistry sites) {
    this.sites = sites;
  }

  /** The registry site with this SAC/SIC, or null. */
  Site site(int sac, int sic) {
    int key = sac << 8 | sic;
    if (key != lastKey) {
      Object s = cache.computeIfAbsent(key, k -> {
        Site found = sites.bySacSic(sac, sic);
        return found == null ? Boolean.FALSE : found;
      });
      lastKey = key;
      last = s instanceof Site site ? site : null;
    }
    return last;
  }

  /** The site's id, or "ASTERIX-SAC-SIC" for a radar the registry lacks. */
  String sensorId(int sac, int sic) {
    Site s = site(sac, sic);
    return s != null ? s.id() : asterixId(sac, sic);
  }

  /** "RDR-07/4711" for track number 4711 (0..4095) of sensor RDR-07. */
  String trackName(String sensor, int number) {
    if (!sensor.equals(trackNamesSensor)) {
      trackNamesSensor = sensor;
      Arrays.fill(trackNames, null);
    }
    String name = trackNames[number];
    if (name == null) {
      name = sensor + "/" + number;
      trackNames[number] = name;
    }
    return name;
  }

  /** Sensor id of a radar missing from the registry: "ASTERIX-<SAC>-<SIC>". */
  static String asterixId(int sac, int sic) {
    return "ASTERIX-" + sac + "-" + sic;
  }
}
