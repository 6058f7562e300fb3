package org.ketaminecds.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketaminecds.advice.Advice;
import org.ketaminecds.advice.ClinicalAdvisor;
import org.ketaminecds.cards.Card;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.rules.RuleSet;

/**
 * Runs a scenario through the same decision path as a hook call and compares the cards with what
 * the scenario expects, telling each difference in words a rule author understands.
 */
public class ScenarioRunner {

  private final ClinicalAdvisor advisor;

  public ScenarioRunner(ClinicalAdvisor advisor) {
    this.advisor = advisor;
  }

  public ScenarioResult run(RuleSet ruleSet, Scenario scenario) {
    List<KetamineOrder> orders = advisor.ketamineOrders(scenario.draftOrders());
    Advice advice =
        advisor.needsChart(scenario.hook(), orders)
            ? advisor.advise(
                ruleSet,
                scenario.hook(),
                scenario.chart().patient() == null
                    ? null
                    : scenario.chart().patient().getIdElement().getIdPart(),
                scenario.chart(),
                scenario.draftOrders(),
                orders,
                scenario.asOf())
            : Advice.withoutRules();
    return new ScenarioResult(scenario, advice, compare(scenario, advice.cards()));
  }

  private static String article(String indicator) {
    return (indicator.startsWith("i") ? "an " : "a ") + indicator;
  }

  static List<String> compare(Scenario scenario, List<Card> cards) {
    Map<String, Card> byTopic = new LinkedHashMap<>();
    cards.forEach(card -> byTopic.put(card.source().topic().code(), card));
    var failures = new ArrayList<String>();
    scenario
        .expectedCards()
        .forEach(
            (topic, indicator) -> {
              Card card = byTopic.get(topic);
              if (card == null) {
                failures.add(
                    "expected " + article(indicator) + " card " + topic + ", but there was none");
              } else if (!card.indicator().equals(indicator)) {
                failures.add(
                    "expected the card "
                        + topic
                        + " to be "
                        + indicator
                        + ", but it was "
                        + card.indicator());
              }
            });
    byTopic.keySet().stream()
        .filter(topic -> !scenario.expectedCards().containsKey(topic))
        .forEach(topic -> failures.add("did not expect a card " + topic + ", but it was shown"));
    scenario
        .expectedDetailText()
        .forEach(
            (topic, texts) -> {
              Card card = byTopic.get(topic);
              for (String text : texts) {
                if (card != null && (card.detail() == null || !card.detail().contains(text))) {
                  failures.add(
                      "expected the card " + topic + " to say \"" + text + "\", but it does not");
                }
              }
            });
    scenario
        .expectedSuggestions()
        .forEach(
            (topic, labels) -> {
              Card card = byTopic.get(topic);
              List<String> shown =
                  card == null
                      ? List.of()
                      : card.suggestions().stream().map(Card.Suggestion::label).sorted().toList();
              if (card != null && !shown.equals(labels.stream().sorted().toList())) {
                failures.add(
                    "expected the card "
                        + topic
                        + " to offer "
                        + labels
                        + ", but it offers "
                        + shown);
              }
            });
    return failures;
  }
}
