package io.watchline.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the seams of coverage (docs/coverage.md): the analysis computes a result and knows nothing
 * of drawing; the maps draw a finished result, know nothing of how it was computed nor of the
 * command line, and tint a raster cell in one place.
 */
class CoverageSeamsTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.watchline");
  }

  @Test
  void theAnalysisKnowsNothingOfDrawing() {
    noClasses().that().resideInAPackage("io.watchline.geo.coverage..")
        .should().dependOnClassesThat().resideInAnyPackage("io.watchline.geo.render..", "java.awt..", "org.jfree..")
        .because("CoverageResult is the hand-over; a new map is a change in render only")
        .check(classes);
  }

  @Test
  void mapsDrawAFinishedResultAndKnowNothingOfTheCommandLine() {
    noClasses().that().resideInAPackage("io.watchline.geo.render..")
        .should().dependOnClassesThat().haveFullyQualifiedName("io.watchline.geo.coverage.CoverageAnalysis")
        .orShould().dependOnClassesThat().resideInAnyPackage("io.watchline.cli..", "picocli..")
        .check(classes);
  }

  @Test
  void aRasterCellIsTintedInOnePlace() {
    noClasses().that().resideOutsideOfPackage("io.watchline.geo.coverage..")
        .and().doNotHaveFullyQualifiedName("io.watchline.geo.render.CoverageStyle")
        .should().callMethod("io.watchline.geo.coverage.CoverageResult", "seenPd")
        .orShould().callMethod("io.watchline.geo.coverage.CoverageResult", "patrolled")
        .orShould().callMethod("io.watchline.geo.coverage.CoverageResult", "inBand")
        .because("the static map and the web map share CoverageStyle.tint")
        .check(classes);
  }
}
