package io.watchline.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.watchline.geo.coverage.CoverageAnalysis;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.coverage.Terrain;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the one-assembly-per-pipeline shape of the command line (docs/cli.md): coverage is put
 * together in one class, sites become sensor specs in one place, folders are published by one
 * class, and commands speak through their error stream.
 */
class CliShapeTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.watchline");
  }

  static DescribedPredicate<JavaCall<?>> calls(Class<?> owner, Set<String> names) {
    return DescribedPredicate.describe(owner.getSimpleName() + "." + names,
        c -> c.getTargetOwner().isEquivalentTo(owner) && names.contains(c.getName()));
  }

  @Test
  void coverageIsAssembledInOnePlace() {
    noClasses().that().resideInAPackage("io.watchline.cli..").and().doNotHaveFullyQualifiedName(CoverageAssembly.class.getName())
        .should().callMethodWhere(calls(CoverageAnalysis.class, Set.of("prepare", "frameFor")))
        .orShould().callMethodWhere(calls(Terrain.class, Set.of("bareEarth", "fromDem", "fromDems")))
        .because("watchline coverage and the nightly coverage step share CoverageAssembly")
        .check(classes);
  }

  @Test
  void sitesBecomeSensorSpecsInTheSitesPackage() {
    noClasses().that().resideOutsideOfPackages("io.watchline.sites..", "io.watchline.geo..")
        .should().callConstructorWhere(DescribedPredicate.describe("new SensorSpec(...)",
            c -> c.getTargetOwner().isEquivalentTo(SensorSpec.class)))
        .because("io.watchline.sites.SensorSpecs holds the defaults a site may leave out")
        .check(classes);
  }

  @Test
  void foldersArePublishedByOneClass() {
    noClasses().that().resideOutsideOfPackage("io.watchline.cli.io..")
        .should().callMethodWhere(calls(Files.class, Set.of("move")))
        .because("StagedFolder.swap (folders) and OutputTarget (files) are the only renames into place")
        .check(classes);
  }

  @Test
  void commandsSpeakThroughTheirErrorStream() {
    noClasses().that().resideInAPackage("io.watchline.cli..").and().doNotHaveFullyQualifiedName(Verbosity.class.getName())
        .should().accessField(System.class, "err")
        .because("human output goes through the command's error stream (Verbosity.err(), CommandLine.getErr())")
        .check(classes);
  }
}
