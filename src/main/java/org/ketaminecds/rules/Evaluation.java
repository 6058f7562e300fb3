package org.ketaminecds.rules;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ketaminecds.facts.Finding;

/**
 * What one evaluation concluded: the findings for cards, every fact in working memory at the end
 * (the card details draw on them, e.g. the trials counted and excluded), and the rules that fired,
 * in order.
 *
 * <p>The facts are also kept by class: the cards ask for the facts of one type a dozen times per
 * call, and on a heavy chart each of those asks would otherwise scan hundreds of facts.
 */
public final class Evaluation {

  private final String ruleSetVersion;
  private final List<Finding> findings;
  private final List<Object> facts;
  private final List<String> firedRules;
  private final Map<Class<?>, List<Object>> factsByClass;

  public Evaluation(
      String ruleSetVersion, List<Finding> findings, List<Object> facts, List<String> firedRules) {
    this.ruleSetVersion = ruleSetVersion;
    this.findings = List.copyOf(findings);
    this.facts = List.copyOf(facts);
    this.firedRules = List.copyOf(firedRules);
    var byClass = new HashMap<Class<?>, List<Object>>();
    for (Object fact : this.facts) {
      byClass.computeIfAbsent(fact.getClass(), type -> new ArrayList<>()).add(fact);
    }
    byClass.replaceAll((type, ofType) -> List.copyOf(ofType));
    this.factsByClass = byClass;
  }

  public String ruleSetVersion() {
    return ruleSetVersion;
  }

  public List<Finding> findings() {
    return findings;
  }

  public List<Object> facts() {
    return facts;
  }

  public List<String> firedRules() {
    return firedRules;
  }

  /** The facts of this type, in the order of {@link #facts()}. */
  public <T> List<T> factsOf(Class<T> type) {
    if (Modifier.isFinal(type.getModifiers())) {
      // A final class (every fact is a record) has no instances of another class.
      @SuppressWarnings("unchecked")
      List<T> ofType = (List<T>) factsByClass.getOrDefault(type, List.of());
      return ofType;
    }
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
