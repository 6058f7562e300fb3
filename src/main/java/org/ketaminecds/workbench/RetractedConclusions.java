package org.ketaminecds.workbench;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ketaminecds.facts.Finding;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * The rules that fired but whose card conclusion is gone at the end: a rule of a card topic (its
 * {@code @topic}) fired, and no {@link Finding} of that topic is left in working memory, so truth
 * maintenance retracted it when a condition it was justified by stopped holding. Found from the end
 * state, without listening to the session: the evaluation runs on the service's own pooled
 * sessions, where a listener on every insert and delete would cost every hook call. A rule whose
 * topic still has another rule's finding is therefore not marked, even if its own was retracted.
 */
final class RetractedConclusions {

  private RetractedConclusions() {}

  /**
   * Rule name to the card topic it concludes ({@code @topic("...")}), for the rules that have one.
   */
  static Map<String, String> topicsOf(KieBase kieBase) {
    var topics = new HashMap<String, String>();
    kieBase
        .getKiePackages()
        .forEach(
            pkg -> {
              for (Rule rule : pkg.getRules()) {
                Object topic = rule.getMetaData().get("topic");
                if (topic != null) {
                  // The executable model keeps a string value's quotes.
                  topics.put(rule.getName(), topic.toString().replaceAll("^\"|\"$", ""));
                }
              }
            });
    return topics;
  }

  static List<String> of(Map<String, String> topics, List<String> fired, List<Object> facts) {
    Set<String> concluded =
        facts.stream()
            .filter(Finding.class::isInstance)
            .map(fact -> ((Finding) fact).topic())
            .collect(Collectors.toSet());
    return List.copyOf(
        fired.stream()
            .filter(rule -> topics.containsKey(rule) && !concluded.contains(topics.get(rule)))
            .collect(Collectors.toCollection(LinkedHashSet::new)));
  }
}
