package org.ketaminecds.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.Finding;

/** Which fired rules lost their card conclusion by the end of an evaluation. */
class RetractedConclusionsTest {

  static final Map<String, String> TOPICS =
      Map.of("Dementia, active", "ci-dementia", "Card trd-criteria-met", "trd-criteria-met");

  @Test
  void aCardRuleThatFiredButWhoseFindingIsGoneIsMarked() {
    List<Object> facts = List.of(Finding.of("trd-criteria-met", "resistance"));

    assertThat(
            RetractedConclusions.of(
                TOPICS,
                List.of("Dementia, active", "Card trd-criteria-met", "A rule without a card"),
                facts))
        .containsExactly("Dementia, active");
  }

  @Test
  void rulesThatDidNotFireOrWhoseFindingStaysAreNotMarked() {
    assertThat(
            RetractedConclusions.of(
                TOPICS,
                List.of("Card trd-criteria-met"),
                List.of(Finding.of("trd-criteria-met", "resistance"))))
        .isEmpty();
  }
}
