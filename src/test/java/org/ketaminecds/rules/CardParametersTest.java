package org.ketaminecds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Card text takes its numbers from parameters.yaml: the card and the rule cannot disagree. */
class CardParametersTest {

  static final RuleSource RELEASED = RuleSourceReader.fromFolder(Path.of("rules"));
  static final String CARD = "cautions/ci-uncontrolled-hypertension.card.yaml";

  static RuleSource edited(String file, String text, String replacement) {
    var files = new TreeMap<>(RELEASED.files());
    assertThat(files.get(file)).contains(text);
    files.put(file, files.get(file).replace(text, replacement));
    return new RuleSource(RELEASED.origin(), files);
  }

  @Test
  void theBloodPressureCardSaysTheLimitsOfTheParameters() {
    RuleCompiler compiler = new RuleCompiler();
    RuleSet released = compiler.compile(RELEASED);
    assertThat(released.cardTemplate("ci-uncontrolled-hypertension").orElseThrow().detail())
        .contains("> 140 mmHg systolic or\n> 90 mmHg diastolic");

    RuleSet lowered =
        compiler.compile(edited("parameters.yaml", "systolic-limit: 140", "systolic-limit: 130"));
    assertThat(lowered.cardTemplate("ci-uncontrolled-hypertension").orElseThrow().detail())
        .contains("> 130 mmHg systolic or\n> 90 mmHg diastolic")
        .doesNotContain("{{blood-pressure");
  }

  @Test
  void aPlaceholderThatIsNoParameterIsRefused() {
    RuleSource misspelt =
        edited(CARD, "{{blood-pressure.systolic-limit}}", "{{blood-pressure.systolic-limt}}");

    assertThatThrownBy(() -> new RuleCompiler().compile(misspelt))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class,
            e ->
                assertThat(e.problems())
                    .extracting(RuleProblem::message)
                    .containsExactly(
                        "{{blood-pressure.systolic-limt}} is not a parameter of parameters.yaml;"
                            + " write it as section.key, e.g. {{blood-pressure.systolic-limit}}"));
  }
}
