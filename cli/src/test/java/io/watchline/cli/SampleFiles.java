package io.watchline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Where this module's tests find sample files. Samples that may be redistributed are copied into
 * the repository ({@code fixtures/data}, with provenance) and must exist. Samples whose licence
 * forbids copying (GPL ASTERIX recordings, the ONVIF specification example) are read in place
 * from {@code ../shared/realdata} or {@code -Dwatchline.realdata=DIR}: when absent, the test is
 * skipped with one line on stderr saying what and why, unless
 * {@code -Dwatchline.realdata.required=true} (CI) makes absence a failure.
 */
public final class SampleFiles {
  private SampleFiles() {}

  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  /** The repository's fixtures/data folder (tests run with the module folder as working dir). */
  public static Path fixtures() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path d = p.resolve("fixtures/data");
      if (Files.isDirectory(d) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new AssertionError("fixtures/data not found above " + here);
  }

  /** A file copied into the repository; missing, the test fails. */
  public static Path fixture(String rel) {
    Path p = fixtures().resolve(rel);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError("sample file missing from the repository: " + p);
    }
    return p;
  }

  /** A file or folder that may not be copied into the repository; absent, the test is skipped. */
  public static Path restricted(String rel) {
    return restrictedIfPresent(rel, "").orElseGet(() -> Assumptions.abort(reason(rel)));
  }

  /**
   * The same, for a test that can still run without it (fuzz seeds from both places): absent, the
   * line says these samples were left out and the caller goes on without them.
   */
  public static Optional<Path> restrictedIfPresent(String rel, String consequence) {
    Path root = Path.of(System.getProperty("watchline.realdata", "../../shared/realdata"));
    Path p = root.resolve(rel);
    if (Files.exists(p)) {
      return Optional.of(p);
    }
    String what = reason(rel) + ", not found under " + root.toAbsolutePath().normalize()
        + "; set -Dwatchline.realdata=DIR";
    if (Boolean.getBoolean("watchline.realdata.required")) {
      throw new AssertionError("real sample required (-Dwatchline.realdata.required=true): " + what);
    }
    // The test itself: the outermost project frame (helpers and lambdas sit above it).
    String caller = StackWalker.getInstance().walk(frames -> frames
        .filter(f -> f.getClassName().startsWith("io.watchline.") && !f.getMethodName().startsWith("lambda$"))
        .reduce((inner, outer) -> outer)
        .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
        .orElse("?"));
    if (ANNOUNCED.add(caller + rel)) {
      System.err.println("SKIPPED (real data) " + caller + ": " + what + (consequence.isEmpty() ? "" : " (" + consequence + ")"));
    }
    return Optional.empty();
  }

  private static String reason(String rel) {
    return "needs " + rel + " (" + (rel.startsWith("feeds/onvif")
        ? "ONVIF specification example: its licence grants no right to modify or redistribute it"
        : "GPL-licensed ASTERIX recording: may not be copied into the repository") + ")";
  }
}
