package io.watchline.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module graph of docs/design.md: geo knows nothing of sensors, nothing depends on the
 * command line or the benchmarks, sensor-core does not reach into fixtures.
 */
class LayeringTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.watchline");
  }

  /** Packages that belong to the geo module. */
  static final String GEO = "io.watchline.geo..";
  static final String CLI = "io.watchline.cli..";
  static final String FIXTURES = "io.watchline.fixtures..";
  static final String BENCH = "io.watchline.bench..";

  @Test
  void geoDependsOnNoOtherWatchlineModule() {
    noClasses().that().resideInAPackage(GEO)
        .should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "Watchline classes outside geo",
                c -> c.getPackageName().startsWith("io.watchline")
                    && !c.getPackageName().startsWith("io.watchline.geo")))
        .check(classes);
  }

  @Test
  void nothingDependsOnCliOrBenchmarks() {
    noClasses().that().resideOutsideOfPackage(CLI)
        .should().dependOnClassesThat().resideInAnyPackage(CLI, BENCH)
        .check(classes);
  }

  @Test
  void sensorCoreDoesNotSeeFixtures() {
    noClasses().that().resideOutsideOfPackages(FIXTURES, CLI, BENCH)
        .should().dependOnClassesThat().resideInAPackage(FIXTURES)
        .check(classes);
  }

  @Test
  void theRulesSeeClassesFromEveryModule() {
    // Guards against the import silently finding nothing (which would make every rule pass).
    org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("io.watchline.geo"))
        .anyMatch(p -> p.startsWith("io.watchline.ndjson"))
        .anyMatch(p -> p.startsWith("io.watchline.cli"));
  }
}
