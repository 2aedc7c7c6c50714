package io.watchline.geo.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real sample files; fails (never skips) when they are missing. */
public final class RealData {
  private RealData() {}

  public static Path file(String relative) {
    String root = System.getProperty("watchline.realdata");
    if (root == null) {
      throw new AssertionError("system property watchline.realdata is not set (run through Maven)");
    }
    Path p = Path.of(root, relative);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("real sample file missing: " + p);
    }
    return p;
  }
}
