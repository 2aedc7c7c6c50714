package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Where real samples are found, and what happens when one that may not be copied is absent. */
class SampleFilesTest {
  @TempDir Path empty;
  Properties saved;
  PrintStream savedErr;
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void isolate() {
    saved = (Properties) System.getProperties().clone();
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(savedErr);
    System.setProperties(saved);
  }

  @Test
  void absentRestrictedSampleSkipsWithOneLineSayingWhatAndWhy() {
    System.setProperty("watchline.realdata", empty.toString());
    System.setProperty("watchline.realdata.required", "false");

    assertThatThrownBy(() -> SampleFiles.restricted("feeds/asterix/cat048.raw"))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("GPL-licensed ASTERIX");
    assertThat(SampleFiles.restrictedIfPresent("feeds/onvif", "seeds left out")).isEmpty();

    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "SKIPPED (real data) SampleFilesTest.absentRestrictedSampleSkipsWithOneLineSayingWhatAndWhy: "
            + "needs feeds/asterix/cat048.raw (GPL-licensed ASTERIX recording: may not be copied into the "
            + "repository), not found under " + empty.toAbsolutePath() + "; set -Dwatchline.realdata=DIR",
        "SKIPPED (real data) SampleFilesTest.absentRestrictedSampleSkipsWithOneLineSayingWhatAndWhy: "
            + "needs feeds/onvif (ONVIF specification example: its licence grants no right to modify or "
            + "redistribute it), not found under " + empty.toAbsolutePath() + "; set -Dwatchline.realdata=DIR "
            + "(seeds left out)");
  }

  @Test
  void whenRequiredAnAbsentSampleFailsInsteadOfSkipping() {
    System.setProperty("watchline.realdata", empty.toString());
    System.setProperty("watchline.realdata.required", "true");

    assertThatThrownBy(() -> SampleFiles.restricted("feeds/asterix/cat048.raw"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("real sample required (-Dwatchline.realdata.required=true): needs feeds/asterix/cat048.raw");
    assertThatThrownBy(() -> SampleFiles.restrictedIfPresent("feeds/onvif", "seeds left out"))
        .isInstanceOf(AssertionError.class);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void presentSampleIsReturnedAndRepositoryCopiesAreInFixtures() throws Exception {
    Files.createDirectories(empty.resolve("feeds/asterix"));
    Files.write(empty.resolve("feeds/asterix/x.raw"), new byte[] {48, 0, 3});
    System.setProperty("watchline.realdata", empty.toString());
    assertThat(SampleFiles.restricted("feeds/asterix/x.raw")).isEqualTo(empty.resolve("feeds/asterix/x.raw"));

    assertThat(SampleFiles.fixture("dem/N42E019.hgt")).hasSize(1201L * 1201 * 2);
    assertThatThrownBy(() -> SampleFiles.fixture("dem/missing.hgt")).isInstanceOf(AssertionError.class);
  }

  /**
   * The default path is {@code <repository root>/../shared/realdata} whichever module runs: the
   * {@code .mvn/} folder makes Maven's project directory the root (without it, {@code cd cli &&
   * mvn test} looked in {@code cli/../shared}).
   */
  @Test
  void defaultRealdataPathIsBesideTheRepositoryRoot() throws Exception {
    Path root = SampleFiles.fixtures().getParent().getParent().toRealPath();
    assertThat(root.resolve(".mvn")).isDirectory();
    String configured = saved.getProperty("watchline.realdata");
    String suffix = "/../shared/realdata";
    org.junit.jupiter.api.Assumptions.assumeTrue(configured != null && configured.endsWith(suffix),
        "watchline.realdata was set by hand");
    assertThat(Path.of(configured.substring(0, configured.length() - suffix.length())).toRealPath())
        .isEqualTo(root);
  }
}
