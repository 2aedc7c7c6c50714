package io.watchline.geo.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real sample files the geo tests use: Natural Earth and geoBoundaries borders, the
 * SRTM tile and its clips, all copied into the repository under {@code fixtures/data} with their
 * provenance. A missing file fails the test (never skips it): it is part of every checkout.
 */
public final class RealData {
  private RealData() {}

  /** The repository's {@code fixtures/data} folder (tests run with the module folder as working dir). */
  public static final Path ROOT = Path.of("..", "fixtures", "data");

  public static Path file(String relative) {
    Path p = ROOT.resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("sample file missing from the repository: " + p.toAbsolutePath().normalize());
    }
    return p;
  }
}
