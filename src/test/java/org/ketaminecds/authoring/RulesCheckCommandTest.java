package org.ketaminecds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void aSyntaxErrorIsReportedAtItsFileAndLine() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"),
        "$d : Diagnosis( category == \"dementia\", active )",
        "$d : Diagnosis( category == \"dementia\", active ");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains("The rules do not compile")
        .containsPattern("cautions/ci-dementia\\.drl, line \\d+: ")
        .contains("FAILED");
  }

  @Test
  void anUnknownFieldIsReportedAtItsLineToo() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("cautions/ci-dementia.drl"),
        "category == \"dementia\"",
        "categry == \"dementia\"");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed()).containsPattern("cautions/ci-dementia\\.drl, line \\d+: .*categry");
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
  void aBadParameterIsNamed() {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    RulesFolders.replace(
        rules.resolve("parameters.yaml"), "systolic-limit: 140", "systolic-limit: high");

    assertThat(check(rules)).isEqualTo(1);
    assertThat(printed())
        .contains("parameters.yaml: 'blood-pressure.systolic-limit' must be a whole number");
  }

  @Test
  void aMissingFolderIsSaidPlainly() {
    assertThat(check(temp.resolve("nowhere"))).isEqualTo(2);
    assertThat(printed()).contains("There is no rules folder");
  }
}
