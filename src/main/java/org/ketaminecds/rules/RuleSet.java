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
 * card texts of its topics, its scenarios (name to JSON text) that prove it, and the sessions its
 * calls run in, which hold its parameters and dose table ({@link RuleSessions}). Shared by all
 * calls; each call gets a session of its own, cleared after.
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
    RuleSessions sessions) {

  public RuleSet {
    compiledUnits = List.copyOf(compiledUnits);
    minimumDoses = List.copyOf(minimumDoses);
    cardTemplates = Map.copyOf(cardTemplates);
    scenarios = Collections.unmodifiableSortedMap(new TreeMap<>(scenarios));
    // Every call sees the reference facts the sessions hold: they must be this rule set's.
    if (!sessions.referenceFacts().equals(RuleSessions.referenceFacts(parameters, minimumDoses))) {
      throw new IllegalArgumentException(
          "The sessions hold the reference facts of another rule set");
    }
  }

  /** A rule set whose calls run in sessions of {@code pool}, which hold its reference facts. */
  public RuleSet(
      String version,
      String origin,
      List<String> compiledUnits,
      KieBase kieBase,
      Parameters parameters,
      List<MinimumDose> minimumDoses,
      Map<String, CardTemplate> cardTemplates,
      Map<String, String> scenarios,
      KieSessionsPool pool) {
    this(
        version,
        origin,
        compiledUnits,
        kieBase,
        parameters,
        minimumDoses,
        cardTemplates,
        scenarios,
        new RuleSessions(pool, parameters, minimumDoses));
  }

  public Optional<CardTemplate> cardTemplate(String topic) {
    return Optional.ofNullable(cardTemplates.get(topic));
  }

  public int ruleCount() {
    return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
  }
}
