package org.ketaminecds.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The contract's card rules, checked on every response a test gets: a uuid on every card and
 * suggestion, selectionBehavior with suggestions, a summary under 140 characters, a topic Coding,
 * and no null, "", [] or {} anywhere except {"cards": []}.
 */
public final class CardsContract {

  private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

  private CardsContract() {}

  public static void check(JsonNode response) {
    assertThat(response.isObject()).as("response is an object").isTrue();
    JsonNode cards = response.get("cards");
    assertThat(cards).as("cards").isNotNull();
    assertThat(cards.isArray()).as("cards is an array").isTrue();
    for (JsonNode card : cards) {
      noEmptyValues(card, "card");
      assertThat(card.path("uuid").asString()).as("card uuid").isNotBlank();
      assertThat(card.path("summary").asString()).as("summary").isNotBlank().hasSizeLessThan(140);
      assertThat(INDICATORS).as("indicator").contains(card.path("indicator").asString());
      assertThat(card.path("source").path("label").asString()).as("source.label").isNotBlank();
      assertThat(card.path("source").path("topic").path("code").asString())
          .as("topic")
          .isNotBlank();
      assertThat(card.path("source").path("topic").path("system").asString())
          .isEqualTo("https://fhir.ketamine-cds.org/CodeSystem/card-topic");
      // Revision 2: evidence in words in the text, its references in the extension.
      assertThat(card.path("detail").asString())
          .as("detail shows no raw FHIR reference")
          .doesNotContainPattern(
              "\\[(Condition|MedicationStatement|MedicationRequest|Observation|AllergyIntolerance)/");
      JsonNode evidence = card.path("extension").path("org.ketaminecds.evidence");
      if (!evidence.isMissingNode()) {
        assertThat(evidence.isArray()).as("evidence extension is a list").isTrue();
        evidence.forEach(
            reference ->
                assertThat(reference.asString()).as("evidence reference").matches("[A-Za-z]+/.+"));
      }
      if (card.has("suggestions")) {
        assertThat(card.path("selectionBehavior").asString())
            .as("selectionBehavior")
            .isEqualTo("any");
        for (JsonNode suggestion : card.get("suggestions")) {
          assertThat(suggestion.path("uuid").asString()).as("suggestion uuid").isNotBlank();
        }
      }
    }
  }

  private static void noEmptyValues(JsonNode node, String path) {
    assertThat(node.isNull()).as(path + " is null").isFalse();
    if (node.isString()) {
      assertThat(node.asString()).as(path + " is empty").isNotEmpty();
    }
    if (node.isArray()) {
      assertThat(node.size()).as(path + " is []").isPositive();
      int i = 0;
      for (JsonNode element : node) {
        noEmptyValues(element, path + "[" + i++ + "]");
      }
    }
    if (node.isObject()) {
      assertThat(node.size()).as(path + " is {}").isPositive();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        noEmptyValues(field.getValue(), path + "." + field.getKey());
      }
    }
  }
}
