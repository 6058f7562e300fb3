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

  /** Only the hooks package, security and the rule authors' workbench speak HTTP. */
  @ArchTest
  static final ArchRule onlyHooksAndSecurityUseSpringWeb =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "org.ketaminecds.hooks..",
              "org.ketaminecds.security..",
              "org.ketaminecds.workbench..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

  /** Feature packages depend on each other in one direction only. */
  @ArchTest
  static final ArchRule noCyclesBetweenFeatures =
      slices().matching("org.ketaminecds.(*)..").should().beFreeOfCycles();

  /** Controllers stay thin: the endpoints live in hooks and the workbench, nowhere else. */
  @ArchTest
  static final ArchRule controllersLiveInHooks =
      classes()
          .that()
          .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
          .should()
          .resideInAnyPackage("org.ketaminecds.hooks", "org.ketaminecds.workbench");
}
