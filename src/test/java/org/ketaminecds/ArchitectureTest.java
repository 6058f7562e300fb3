package org.ketaminecds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of the project, kept by the build rather than by memory. */
@AnalyzeClasses(packages = "org.ketaminecds", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String[] WEB_EDGES = {
    "org.ketaminecds.hooks..",
    "org.ketaminecds.security..",
    "org.ketaminecds.authoring..",
    "org.ketaminecds.workbench..",
    // its admin pages: the audit trail and the override analytics (issue 14)
    "org.ketaminecds.feedback..",
    "org.ketaminecds.web.."
  };

  /** The fact model speaks clinical language: no FHIR, no Spring, no Drools in it. */
  @ArchTest
  static final ArchRule factsAreFreeOfFrameworks =
      noClasses()
          .that()
          .resideInAPackage("org.ketaminecds.facts")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "ca.uhn..", "org.hl7..", "org.springframework..", "org.kie..", "org.drools..");

  /** Rules see facts, never FHIR resources. */
  @ArchTest
  static final ArchRule rulesDoNotSeeFhir =
      noClasses()
          .that()
          .resideInAPackage("org.ketaminecds.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "ca.uhn..", "org.hl7..", "org.ketaminecds.fhir..", "org.ketaminecds.hooks..");

  /**
   * Only the edges speak HTTP: the hooks, security, the authors' admin and workbench, and what they
   * share (web: error bodies, bounded request bodies).
   */
  @ArchTest
  static final ArchRule onlyTheEdgesUseSpringWeb =
      noClasses()
          .that()
          .resideOutsideOfPackages(WEB_EDGES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

  /** Feature packages depend on each other in one direction only. */
  @ArchTest
  static final ArchRule noCyclesBetweenFeatures =
      slices().matching("org.ketaminecds.(*)..").should().beFreeOfCycles();

  /** Endpoints live at the edges, nowhere in the clinical logic. */
  @ArchTest
  static final ArchRule controllersLiveInHooks =
      classes()
          .that()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
          .should()
          .resideInAnyPackage(WEB_EDGES);
}
