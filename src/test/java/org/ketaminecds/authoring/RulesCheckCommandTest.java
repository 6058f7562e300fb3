package org.ketaminecds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.support.RulesFolders;

/** The authors' command on the real rules folder and on broken copies of it. */
class RulesCheckCommandTest {

  @TempDir Path temp;

  final ByteArrayOutputStream output = new ByteArrayOutputStream();

  int check(Path folder) {
    return RulesCheckCommand.run(
        new String[] {"rules", "check", "--rules", folder.toString()},
        new PrintStream(output, true, StandardCharsets.UTF_8));
  }

  String printed() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theReleasedRulesPassWithEveryScenario() {
    assertThat(check(Path.of("rules"))).as(printed()).isZero();
    assertThat(printed())
        .contains("✔ compiled", "✔ scenario trd-candidate-two-adequate-trials", "PASSED");
  }

  @Test
  void aMissingParenthesisIsReportedAtTheLineItBelongsToWithoutDroolsLogBlocks() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"),
        "$d : Diagnosis( category == \"dementia\", active )",
        "$d : Diagnosis( category == \"dementia\", active ");
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    var console = new PrintStream(output, true, StandardCharsets.UTF_8);
    int status;
    try {
      // Drools' own log lines would go to the console: they must not show in the check's output.
      System.setOut(console);
      System.setErr(console);
      status = check(rules);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }

    assertThat(status).isEqualTo(1);
    // Drools stumbles at "then" on line 15; the parenthesis left open is on line 14.
    assertThat(printed())
        .contains(
            "The rules cannot go live. Fix these, then check again:\n"
                + "  ✘ cautions/ci-dementia.drl, line 14: the '(' opened here is never closed:"
                + " a ')' is missing\n\n"
                + "FAILED")
        .doesNotContain("Parser returned a null Package")
        .doesNotContain("KieBaseModel")
        .doesNotContain("ERR 102")
        .doesNotContain("course-response.drl");
  }

  @Test
  void aMissingParenthesisInTheActionIsReportedAtItsLine() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"),
        "Finding.of( \"ci-dementia\", $d ) );",
        "Finding.of( \"ci-dementia\", $d );");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains(
            "  ✘ cautions/ci-dementia.drl, line 16: the '(' opened here is never closed:"
                + " a ')' is missing\n");
  }

  @Test
  void aParenthesisTooManyIsReportedWhereItIs() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"),
        "$d : Diagnosis( category == \"dementia\", active )",
        "$d : Diagnosis category == \"dementia\", active )");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains(
            "  ✘ cautions/ci-dementia.drl, line 14: this ')' closes nothing: a '(' is missing"
                + " before it, or it is one too many\n");
  }

  @Test
  void anUnknownFieldIsNamedWithTheFieldsTheFactHas() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"), "active )", "active, severity == \"high\" )");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains(
            "  ✘ cautions/ci-dementia.drl, line 14: Diagnosis has no field 'severity'; its fields"
                + " are: category, conditionId, system, code, display, status, active, onset,"
                + " abatement, recorded\n")
        .doesNotContain("strict-mode");
  }

  @Test
  void anUnknownFactTypeIsNamedWithTheNearestKnownOnes() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"), "Diagnosis( category", "Diagnosys( category");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains(
            "The rules cannot go live. Fix these, then check again:\n"
                + "  ✘ cautions/ci-dementia.drl, line 14: 'Diagnosys' is not a fact type;"
                + " nearest: Diagnosis, Finding, DoseStep, Parameters, CourseStep\n\n");
  }

  @Test
  void aChangeThatBreaksAScenarioIsRefusedWithWhatChanged() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("parameters.yaml"), "min-trial-days: 42", "min-trial-days: 84");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains("✘ scenario trd-candidate-two-adequate-trials")
        .contains("expected an info card trd-criteria-met, but there was none");
  }

  @Test
  void aFailedScenarioComesFirstWithTheRulesAndFactsBehindIt() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"),
        "category == \"dementia\", active",
        "category == \"dementia\", !active");

    int status =
        RulesCheckCommand.run(
            new String[] {
              "rules", "check", "--rules", rules.toString(), "--only", "dementia-active-shows-on-p"
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(1);
    String printed = printed();
    assertThat(printed)
        .contains(
            "  ✘ scenario dementia-active-shows-on-patient-view (TRD candidate aged 79 with"
                + " active late-onset Alzheimer disease (G30.1): dementia caution card)\n"
                + "      - expected a warning card ci-dementia, but there was none\n"
                + "      why:\n"
                + "        ci-dementia (missing): rule \"Dementia, active\""
                + " (cautions/ci-dementia.drl) did not fire; it matches:\n"
                + "          KetamineConsidered()? {why treatment-resistant depression}\n"
                + "          Diagnosis( category == \"dementia\", !active )? {category dementia;"
                + " condition id alzheimer; system http://hl7.org/fhir/sid/icd-10-cm; code G30.1;"
                + " display Alzheimer's disease with late onset; status active; active yes; onset"
                + " 2025-02-10}, {category depressive-disorder; condition id mdd; ")
        .containsPattern(
            "        rules fired \\(\\d+\\): .*Card trd-criteria-met: the patient meets the TRD criteria")
        .contains("        facts (")
        .contains("          PatientInfo: age years 79; gender female\n")
        .doesNotContain("Diagnosis[");
    // Failures first: the scenario comes before the summary of what passed and the verdict.
    assertThat(printed.indexOf("✘ scenario")).isLessThan(printed.indexOf("✔ compiled"));
    assertThat(printed)
        .contains(
            "FAILED: 1 of 1 scenarios matching 'dementia-active-shows-on-p'"
                + " (dementia-active-shows-on-patient-view), 0 other problem(s)");
  }

  @Test
  void acceptingAChangedScenarioShowsTheDiffAndRewritesOnlyItsExpectation() throws Exception {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"),
        "category == \"dementia\", active",
        "category == \"dementia\", !active");
    String name = "dementia-resolved-not-shown";
    Path file = rules.resolve("scenarios/" + name + ".json");
    String before = Files.readString(file);

    int status =
        RulesCheckCommand.run(
            new String[] {
              "rules", "check", "--rules", rules.toString(), "--only", name, "--accept-all"
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));

    assertThat(status).as(printed()).isZero();
    assertThat(printed())
        .contains(
            "Accepting the cards "
                + name
                + " now gives (scenarios/"
                + name
                + ".json):\n"
                + "  + warning ci-dementia: ")
        .contains("Written. Check again to see the rules pass with it.");
    String after = Files.readString(file);
    // Only the expectation changed: the chart is byte for byte what the author wrote.
    assertThat(after.substring(0, after.indexOf("\"expect\"")))
        .isEqualTo(before.substring(0, before.indexOf("\"expect\"")));
    assertThat(after.substring(after.indexOf("\"expect\"")))
        .isEqualTo(
            "\"expect\": {\n"
                + "    \"cards\": {\n"
                + "      \"trd-criteria-not-met\": \"warning\",\n"
                + "      \"ketamine-infusion-plan\": \"info\",\n"
                + "      \"ci-dementia\": \"warning\"\n"
                + "    }\n"
                + "  }\n"
                + "}\n");

    output.reset();
    assertThat(
            RulesCheckCommand.run(
                new String[] {"rules", "check", "--rules", rules.toString(), "--only", name},
                new PrintStream(output, true, StandardCharsets.UTF_8)))
        .as(printed())
        .isZero();
  }

  @Test
  void acceptingACardNoLongerShownSaysSo() throws Exception {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("parameters.yaml"), "min-trial-days: 42", "min-trial-days: 84");
    String name = "trd-candidate-two-adequate-trials";

    int status =
        RulesCheckCommand.run(
            new String[] {
              "rules", "check", "--rules", rules.toString(), "--only", name, "--accept", name
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));

    assertThat(status).as(printed()).isZero();
    assertThat(printed())
        .contains(
            "Accepting the cards "
                + name
                + " now gives (scenarios/"
                + name
                + ".json):\n"
                + "  - info trd-criteria-met (no longer shown)\n"
                + "Written.");
    assertThat(Files.readString(rules.resolve("scenarios/" + name + ".json")))
        .endsWith("  \"expect\": {\n    \"cards\": {}\n  }\n}");
  }

  @Test
  void aScenarioThatCannotBeEvaluatedIsNotAccepted() throws Exception {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    Path file = rules.resolve("scenarios/trd-candidate-two-adequate-trials.json");
    RulesFolders.replace(file, "\"asOf\": \"2026-06-01\"", "\"asOf\": \"2026-06-31\"");
    String before = Files.readString(file);

    int status =
        RulesCheckCommand.run(
            new String[] {
              "rules",
              "check",
              "--rules",
              rules.toString(),
              "--only",
              "trd-candidate-two",
              "--accept",
              "trd-candidate-two-adequate-trials"
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(1);
    assertThat(printed())
        .containsPattern(
            "\nNot accepted: trd-candidate-two-adequate-trials: its request cannot be evaluated"
                + " \\(.*asOf must be a date like 2026-06-01.*\\)\\.\n");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void aBadParameterIsNamed() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("parameters.yaml"), "systolic-limit: 140", "systolic-limit: high");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains("parameters.yaml: 'blood-pressure.systolic-limit' must be a whole number");
  }

  @Test
  void aMisspeltValueSetIsNamedWithTheNearestOnes() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"),
        "category == \"dementia\"",
        "category == \"dementa\"");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains(
            "  ✘ cautions/ci-dementia.drl, line 14: 'dementa' is not a value set; known: dementia,"
                + " delivery, hcg-test, pregnancy, arrhythmia (and "
                + otherValueSets()
                + " more in"
                + " fhir-profiles/value-sets.yaml)\n");
  }

  @Test
  void aTopicWithoutAScenarioIsRefused() throws Exception {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    try (var scenarios = Files.list(rules.resolve("scenarios"))) {
      for (Path scenario : scenarios.toList()) {
        if (Files.readString(scenario).contains("\"ci-dementia\": \"warning\"")) {
          Files.delete(scenario);
        }
      }
    }

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains(
            "  ✘ scenarios/: the topic ci-dementia has no scenario that expects its card; add one"
                + " to scenarios/ (the topic's rule, card and scenario go live together)\n");
  }

  @Test
  void anUnknownFieldOfTheValueSetCatalogueIsNamed() throws Exception {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    Path valueSets = RulesFolders.copyOfValueSets(temp.resolve("fhir-profiles"));
    RulesFolders.replace(
        valueSets.resolve("value-sets.yaml"),
        "dementia: {file: dementia.csv,",
        "dementia: {fil: dementia.csv,");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains("The rules cannot go live")
        .contains(
            "  ✘ fhir-profiles/value-sets.yaml: value set 'dementia': unknown field 'fil'; a"
                + " value set has [");
  }

  @Test
  void quietShowsOnlyWhatFailsAndNoDroolsLogBlocks() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("parameters.yaml"), "min-trial-days: 42", "min-trial-days: 84");

    int status =
        RulesCheckCommand.run(
            new String[] {"rules", "check", "--rules", rules.toString(), "--quiet"},
            new PrintStream(output, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(1);
    assertThat(printed())
        .contains("✘ scenario trd-candidate-two-adequate-trials")
        .doesNotContain("✔")
        .doesNotContain("KieBaseModel")
        .containsPattern("FAILED: \\d+ of \\d+ scenarios");
  }

  @Test
  void onlyChecksTheScenariosAskedFor() {
    int status =
        RulesCheckCommand.run(
            new String[] {"rules", "check", "--rules", "rules", "--only", "dementia"},
            new PrintStream(output, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(printed())
        .contains("✔ scenario dementia-active-shows-on-patient-view")
        .doesNotContain("✔ scenario trd-candidate-two-adequate-trials")
        .contains("PASSED: all 3 scenarios matching 'dementia' give the cards they expect.");
  }

  @Test
  void aMissingFolderIsSaidPlainly() {
    assertThat(check(temp.resolve("nowhere"))).isEqualTo(2);
    assertThat(printed()).contains("There is no rules folder");
  }

  /** The value sets the message does not name: all of the released catalogue but the five shown. */
  private static int otherValueSets() {
    return org.ketaminecds.terminology.TerminologyTables.released().valueSetIds().size() - 5;
  }
}
