package org.ketaminecds.authoring;

import ca.uhn.fhir.context.FhirContext;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.terminology.generator.CardTopics;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/rules}: which rule set is live, what was wrong with the last rejected change
 * (file, line, column, message; failed scenarios), and the folder watcher's state. {@code GET
 * /admin/rules/card-topics}: the card-topic CodeSystem of the live rules, generated from their card
 * files, so that a topic added while the service runs is published with it.
 */
@RestController
class RulesAdminController {

  private final RulesStatusSource status;
  private final ActiveRuleSet active;
  private final FhirContext fhirContext;

  RulesAdminController(RulesStatusSource status, ActiveRuleSet active, FhirContext fhirContext) {
    this.status = status;
    this.active = active;
    this.fhirContext = fhirContext;
  }

  @GetMapping(path = "/admin/rules", produces = MediaType.APPLICATION_JSON_VALUE)
  RulesStatus status() {
    return status.status();
  }

  @GetMapping(path = "/admin/rules/card-topics", produces = "application/fhir+json")
  String cardTopics() {
    var topics =
        active.current().cardTemplates().values().stream()
            .map(
                card ->
                    new CardTopics.Topic(
                        card.topic(), card.title(), card.indicator(), card.definition()))
            .toList();
    return fhirContext
        .newJsonParser()
        .setPrettyPrint(true)
        .encodeResourceToString(CardTopics.create(topics));
  }
}
