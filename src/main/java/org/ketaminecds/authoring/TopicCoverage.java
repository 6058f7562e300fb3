package org.ketaminecds.authoring;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ketaminecds.rules.RuleProblem;
import org.ketaminecds.scenarios.Scenario;

/**
 * A topic goes live with a scenario that shows its card, never without: a rule and card saved
 * before their scenario are held back until the scenario is saved too.
 */
final class TopicCoverage {

  private TopicCoverage() {}

  static List<RuleProblem> check(Set<String> topics, Collection<Scenario> scenarios) {
    Set<String> shown =
        scenarios.stream()
            .flatMap(scenario -> scenario.expectedCards().keySet().stream())
            .collect(Collectors.toSet());
    return topics.stream()
        .sorted()
        .filter(topic -> !shown.contains(topic))
        .map(
            topic ->
                new RuleProblem(
                    "scenarios/",
                    0,
                    0,
                    "the topic "
                        + topic
                        + " has no scenario that expects its card; add one to scenarios/ (the"
                        + " topic's rule, card and scenario go live together)"))
        .toList();
  }
}
