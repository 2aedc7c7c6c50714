package io.watchline.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JacksonException;
import io.watchline.geo.border.BorderChecks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.LineString;

/**
 * The sensor registry: every fixed site by id and by ASTERIX SAC/SIC. Loaded from {@code
 * sites.yaml} (or the same fields as JSON); errors name the site and the field.
 */
public final class SiteRegistry {
  private final Map<String, Site> byId;
  private final Map<Integer, Site> bySacSic = new HashMap<>();
  /** Per-site {@code silence_timeout_s} from the file, in ms; absent sites use their kind's default. */
  private final Map<String, Long> silenceTimeoutMs = new HashMap<>();

  public SiteRegistry(Collection<Site> sites) {
    Map<String, Site> m = new LinkedHashMap<>();
    for (Site s : sites) {
      if (m.put(s.id(), s) != null) {
        throw new SiteConfigException("site id '" + s.id() + "' appears twice");
      }
      if (s.hasAsterixId()) {
        Site prev = bySacSic.put(key(s.sac(), s.sic()), s);
        if (prev != null) {
          throw new SiteConfigException(
              "sites '" + prev.id() + "' and '" + s.id() + "' share SAC/SIC " + s.sac() + "/" + s.sic());
        }
      }
    }
    this.byId = Collections.unmodifiableMap(m);
  }

  public static SiteRegistry empty() {
    return new SiteRegistry(List.of());
  }

  public Site byId(String id) {
    return byId.get(id);
  }

  public Site bySacSic(int sac, int sic) {
    return bySacSic.get(key(sac, sic));
  }

  public Collection<Site> all() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }

  /**
   * Refuses a border that every site lies more than 100 km from (a wrong border for these sites,
   * or one written lat, lon); see {@link BorderChecks#requireSensorsNear}.
   */
  public void requireNear(LineString borderLonLat, String borderName, String sitesName) {
    List<BorderChecks.Sensor> sensors = new ArrayList<>();
    for (Site s : byId.values()) {
      sensors.add(new BorderChecks.Sensor(s.id(), s.lat(), s.lon()));
    }
    BorderChecks.requireSensorsNear(borderLonLat, borderName, sensors, sitesName);
  }

  /**
   * Longest silence (ms) after which the site counts as down, from its {@code silence_timeout_s},
   * or -1 when the file gives none (coverage then uses the kind's default, docs/coverage.md).
   */
  public long silenceTimeoutMs(String id) {
    return silenceTimeoutMs.getOrDefault(id, -1L);
  }

  private static int key(int sac, int sic) {
    return (sac << 8) | sic;
  }

  public static SiteRegistry load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new SiteConfigException("sites file not found: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return load(in, file.toString());
    }
  }

  /** Reads YAML or JSON (JSON is YAML) with a top-level {@code sites:} list. */
  public static SiteRegistry load(InputStream in, String name) throws IOException {
    JsonNode root;
    try {
      root = ConfigYaml.mapper().readTree(in);
    } catch (JacksonException e) {
      throw new SiteConfigException(ConfigYaml.describe(e, name));
    }
    JsonNode list = root == null ? null : root.isArray() ? root : root.get("sites");
    if (list == null || !list.isArray()) {
      throw new SiteConfigException(name + ": expected a top-level 'sites:' list");
    }
    List<Site> sites = new ArrayList<>();
    Map<String, Long> timeouts = new HashMap<>();
    int i = 0;
    for (JsonNode n : list) {
      String where = name + ": sites[" + i++ + "]";
      Site site = parse(n, where);
      sites.add(site);
      double timeout = num(n, "silence_timeout_s", where + " (" + shown(site.id()) + ")", false, 0.001, 86_400);
      if (!Double.isNaN(timeout)) {
        timeouts.put(site.id(), Math.round(timeout * 1000));
      }
    }
    try {
      SiteRegistry registry = new SiteRegistry(sites);
      registry.silenceTimeoutMs.putAll(timeouts);
      return registry;
    } catch (SiteConfigException e) {
      throw new SiteConfigException(name + ": " + e.getMessage());
    }
  }

  private static final List<String> KNOWN =
      List.of("id", "kind", "lat", "lon", "height_m", "azimuth_deg", "fov_deg", "range_min_m",
          "range_max_m", "sac", "sic", "clock_offset_ms", "silence_timeout_s", "lens", "range_sigma_m", "bearing_sigma_deg",
          "recognition_range_m", "detection_probability", "doppler_blind_speed_mps", "scan_period_s",
          "name",
          "notes");

  private static Site parse(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new SiteConfigException(where + ": expected a mapping");
    }
    String id = text(n, "id", where);
    where = where + " (" + shown(id) + ")";
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!KNOWN.contains(f)) {
        throw new SiteConfigException(where + ": unknown field '" + shown(f) + "' (known: " + String.join(", ", KNOWN) + ")");
      }
    }
    String kindText = text(n, "kind", where).toLowerCase(Locale.ROOT);
    SiteKind kind;
    switch (kindText) {
      case "radar" -> kind = SiteKind.RADAR;
      case "thermal", "camera" -> kind = SiteKind.THERMAL;
      default -> throw new SiteConfigException(where + ": kind must be radar or thermal, not '" + shown(kindText) + "'");
    }
    double lat = num(n, "lat", where, true, -90, 90);
    double lon = num(n, "lon", where, true, -180, 180);
    double height = num(n, "height_m", where, false, 0, 10_000);
    double az = num(n, "azimuth_deg", where, false, -360, 360);
    double fov = num(n, "fov_deg", where, false, 0, 360);
    double rmin = num(n, "range_min_m", where, false, 0, 1e6);
    double rmax = num(n, "range_max_m", where, false, 0, 1e6);
    if (!Double.isNaN(rmin) && !Double.isNaN(rmax) && rmin >= rmax) {
      throw new SiteConfigException(where + ": range_min_m must be below range_max_m");
    }
    int sac = n.has("sac") ? (int) num(n, "sac", where, true, 0, 255) : -1;
    int sic = n.has("sic") ? (int) num(n, "sic", where, true, 0, 255) : -1;
    if ((sac < 0) != (sic < 0)) {
      throw new SiteConfigException(where + ": give both sac and sic, or neither");
    }
    double clock = num(n, "clock_offset_ms", where, false, -86_400_000, 86_400_000);
    return new Site(id, kind, lat, lon, Double.isNaN(height) ? 0 : height,
        Double.isNaN(az) ? 0 : (az % 360 + 360) % 360, Double.isNaN(fov) ? 360 : fov,
        Double.isNaN(rmin) ? 0 : rmin, rmax, sac, sic, Double.isNaN(clock) ? 0 : (long) clock, lens(n, where),
        num(n, "range_sigma_m", where, false, 0.01, 10_000), num(n, "bearing_sigma_deg", where, false, 0.001, 45),
        num(n, "recognition_range_m", where, false, 1, 1e6), detection(n, kind, where));
  }

  /** The optional detection figures ({@link Detection}); a Doppler blind speed only on a radar. */
  private static Detection detection(JsonNode n, SiteKind kind, String where) {
    double pd = num(n, "detection_probability", where, false, 0.001, 1);
    double blind = num(n, "doppler_blind_speed_mps", where, false, 0.01, 50);
    double scan = num(n, "scan_period_s", where, false, 0.01, 600);
    if (!Double.isNaN(blind) && kind != SiteKind.RADAR) {
      throw new SiteConfigException(where + ": doppler_blind_speed_mps is a radar's (an MTI/Doppler filter), not a camera's");
    }
    if (Double.isNaN(pd) && !(Double.isNaN(blind) && Double.isNaN(scan))) {
      throw new SiteConfigException(where + ": doppler_blind_speed_mps and scan_period_s need"
          + " detection_probability too (the chance of a plot per scan on a person in the open)");
    }
    return Double.isNaN(pd) ? Detection.UNKNOWN : new Detection(pd, blind, scan);
  }

  /** A camera's lens model: pinhole unless the site says {@code lens: linear}. */
  private static Lens lens(JsonNode n, String where) {
    if (!n.has("lens") || n.get("lens").isNull()) {
      return Lens.PINHOLE;
    }
    return switch (n.get("lens").asText().trim().toLowerCase(Locale.ROOT)) {
      case "pinhole", "rectilinear" -> Lens.PINHOLE;
      case "linear" -> Lens.LINEAR;
      default -> throw new SiteConfigException(where + ": lens must be pinhole or linear, not '" + shown(n.get("lens").asText()) + "'");
    };
  }

  /** User text quoted in an error: one line (the CLI prints errors as one line), at most 60 chars. */
  static String shown(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 60; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return s.length() > 60 ? b.append('…').toString() : b.toString();
  }

  private static String text(JsonNode n, String f, String where) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new SiteConfigException(where + ": missing '" + f + "'");
    }
    return v.asText();
  }

  private static double num(JsonNode n, String f, String where, boolean required, double min, double max) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      if (required) {
        throw new SiteConfigException(where + ": missing '" + f + "'");
      }
      return Double.NaN;
    }
    if (!v.isNumber()) {
      throw new SiteConfigException(where + ": '" + f + "' must be a number, not '" + shown(v.asText()) + "'");
    }
    double d = v.asDouble();
    if (d < min || d > max) {
      throw new SiteConfigException(where + ": '" + f + "' = " + d + " is outside " + min + ".." + max);
    }
    return d;
  }
}
