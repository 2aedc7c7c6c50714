package io.watchline.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version and the commit it was built from (resource filtered by Maven). */
public record BuildInfo(String version, String commit) {
  private static final BuildInfo CURRENT = load();

  public static BuildInfo current() {
    return CURRENT;
  }

  private static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // fall through to "unknown": a manifest must still be written
    }
    return new BuildInfo(clean(p.getProperty("version")), clean(p.getProperty("commit")));
  }

  private static String clean(String v) {
    return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v.trim();
  }
}
