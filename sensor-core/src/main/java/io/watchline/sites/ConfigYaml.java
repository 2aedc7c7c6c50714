package io.watchline.sites;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way configuration YAML (sites, patrol plans, nightly configs) is parsed: a key given
 * twice in one mapping is an error, not "last one wins" — a second {@code lat:} must not quietly
 * move a radar.
 */
public final class ConfigYaml {
  private ConfigYaml() {}

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

  /** A YAML mapper that refuses repeated keys. */
  public static ObjectMapper mapper() {
    return new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  }

  /**
   * A one-line reason for a parse failure of file {@code name}: a repeated key is named with its
   * line, anything else is "not valid YAML" with the parser's first line.
   */
  public static String describe(JacksonException e, String name) {
    String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    String line = at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr() + ":";
    Matcher m = DUPLICATE.matcher(msg);
    if (m.find()) {
      return name + ":" + line + " key '" + SiteRegistry.shown(m.group(1))
          + "' appears twice in the same mapping; remove one (a repeated key would silently replace the first)";
    }
    return name + ":" + line + " not valid YAML/JSON: " + msg.lines().findFirst().orElse("");
  }
}
