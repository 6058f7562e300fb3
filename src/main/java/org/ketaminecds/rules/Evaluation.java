package org.ketaminecds.rules;

import java.util.List;
import org.ketaminecds.facts.Finding;

/**
 * What one evaluation concluded: the findings for cards, every fact in working memory at the end
 * (the card details draw on them, e.g. the trials counted and excluded), and the rules that fired,
 * in order.
 */
public record Evaluation(
    String ruleSetVersion, List<Finding> findings, List<Object> facts, List<String> firedRules) {

  public Evaluation {
    findings = List.copyOf(findings);
    facts = List.copyOf(facts);
    firedRules = List.copyOf(firedRules);
  }

  public <T> List<T> factsOf(Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
