package io.watchline.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the seams of fusion (docs/fusion.md, "Stages"): the motion model is the tracker's business,
 * fusion is assembled in one place, the stages do not know the engine that runs them, and incident
 * lists are read one way.
 */
class FusionSeamsTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.watchline");
  }

  @Test
  void onlyTheTrackerKnowsTheConstantVelocityFilter() {
    // everyone else asks a track's MotionFilter, so an IMM filter is a change inside fusion.track
    noClasses().that().resideOutsideOfPackage("io.watchline.fusion.track..")
        .should().dependOnClassesThat().haveFullyQualifiedName("io.watchline.fusion.track.CvFilter")
        .check(classes);
  }

  @Test
  void commandsBuildFusionThroughThePipeline() {
    noClasses().that().resideInAPackage("io.watchline.cli..")
        .should().dependOnClassesThat().haveFullyQualifiedName("io.watchline.fusion.FusionEngine")
        .because("fuse and nightly share io.watchline.fusion.FusionPipeline")
        .check(classes);
  }

  @Test
  void stagesDoNotKnowTheEngine() {
    noClasses().that().resideInAnyPackage("io.watchline.fusion.track..", "io.watchline.fusion.associate..",
            "io.watchline.fusion.bluforce..", "io.watchline.fusion.border..", "io.watchline.fusion.incident..",
            "io.watchline.fusion.stream..")
        .should().dependOnClassesThat().resideInAPackage("io.watchline.fusion")
        .check(classes);
  }

  @Test
  void incidentListsAreReadOneWay() {
    // evidence and merge have their own line readers: one keeps each line's byte offset for the
    // package, the other the marking and origins a shared incident carries beside the incident
    noClasses().that().resideOutsideOfPackages("io.watchline.ndjson..", "io.watchline.export..", "io.watchline.evidence..",
            "io.watchline.merge..")
        .should().callMethod("io.watchline.ndjson.IncidentJson", "read", "com.fasterxml.jackson.core.JsonParser")
        .because("commands read incident NDJSON through IncidentNdjsonReader (or CanonicalRecordReader for mixed files)")
        .check(classes);
  }
}
