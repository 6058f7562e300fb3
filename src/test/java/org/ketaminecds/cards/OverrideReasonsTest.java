package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ketaminecds.rules.CardTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which override reasons a card offers, and that each is a concept of the published CodeSystem. */
class OverrideReasonsTest {

  @Test
  void warningAndInfoCardsOfferSnoozeUnlessTheTopicTurnsItOff() {
    assertThat(codes(OverrideReasons.of(template("warning", true), false)))
        .containsExactly(
            "patient-refused",
            "benefit-outweighs-risk",
            "record-incorrect",
            "snooze-3-months",
            "snooze-12-months");
    assertThat(codes(OverrideReasons.of(template("info", true), false)))
        .contains("snooze-3-months", "snooze-12-months");
    assertThat(codes(OverrideReasons.of(template("warning", false), false)))
        .containsExactly("patient-refused", "benefit-outweighs-risk", "record-incorrect");
  }

  @Test
  void criticalCardsNeverOfferSnooze() {
    assertThat(codes(OverrideReasons.of(template("critical", true), true)))
        .containsExactly("benefit-outweighs-risk", "record-incorrect", "specialist-approved");
    assertThat(OverrideReasons.of(template("critical", true), false)).isEmpty();
    assertThat(Snooze.mayApplyTo("critical")).isFalse();
  }

  @Test
  void snoozeCodesNameTheirPeriod() {
    assertThat(Snooze.period(Snooze.SYSTEM, "snooze-3-months")).contains(Period.ofMonths(3));
    assertThat(Snooze.period(null, "snooze-12-months")).contains(Period.ofMonths(12));
    assertThat(Snooze.period("http://example.org/other", "snooze-3-months")).isEmpty();
    assertThat(Snooze.period(Snooze.SYSTEM, "patient-refused")).isEmpty();
  }

  @Test
  void everyReasonIsAConceptOfTheCodeSystemWithTheSameDisplay() throws IOException {
    JsonNode codeSystem =
        JsonMapper.builder()
            .build()
            .readTree(
                Files.readString(
                    Path.of("fhir-profiles/hand-kept/CodeSystem-override-reason.json")));
    assertThat(codeSystem.get("url").asString()).isEqualTo(Snooze.SYSTEM);
    Map<String, String> concepts = new HashMap<>();
    codeSystem
        .get("concept")
        .forEach(c -> concepts.put(c.get("code").asString(), c.get("display").asString()));
    assertThat(codeSystem.get("count").asInt()).isEqualTo(concepts.size());
    for (boolean deletes : List.of(true, false)) {
      for (String indicator : List.of("critical", "warning", "info")) {
        for (Card.Coding reason : OverrideReasons.of(template(indicator, true), deletes)) {
          assertThat(reason.system()).isEqualTo(Snooze.SYSTEM);
          assertThat(concepts).containsEntry(reason.code(), reason.display());
        }
      }
    }
  }

  private static CardTemplate template(String indicator, boolean snooze) {
    return new CardTemplate(
        "ci-example",
        "Example",
        indicator,
        "s",
        "d",
        "label",
        "https://x",
        List.of(),
        snooze,
        null,
        java.util.Map.of());
  }

  private static List<String> codes(List<Card.Coding> reasons) {
    return reasons.stream().map(Card.Coding::code).toList();
  }
}
