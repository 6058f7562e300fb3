package org.ketaminecds.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, checked rule set: the knowledge base, the parameters and dose table it runs with, the
 * card texts of its topics, its scenarios (name to JSON text) that prove it, and the pool of
 * sessions its calls run in. Shared by all calls; each call gets a session of its own, reset after.
 */
public record RuleSet(
    String version,
    String origin,
    List<String> compiledUnits,
    KieBase kieBase,
    Parameters parameters,
    List<MinimumDose> minimumDoses,
    Map<String, CardTemplate> cardTemplates,
    Map<String, String> scenarios,
    KieSessionsPool sessions) {

  public RuleSet {
    compiledUnits = List.copyOf(compiledUnits);
    minimumDoses = List.copyOf(minimumDoses);
    cardTemplates = Map.copyOf(cardTemplates);
    scenarios = Collections.unmodifiableSortedMap(new TreeMap<>(scenarios));
  }

  public Optional<CardTemplate> cardTemplate(String topic) {
    return Optional.ofNullable(cardTemplates.get(topic));
  }

  public int ruleCount() {
    return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
  }
}
