package org.ketaminecds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;

/**
 * A compiled, checked rule set: the knowledge base, the parameters and dose table it runs with,
 * and the card texts of its topics. Immutable and shared by all calls; each call gets a fresh
 * session.
 */
public record RuleSet(
    String version,
    String origin,
    ReleaseId releaseId,
    KieBase kieBase,
    Parameters parameters,
    List<MinimumDose> minimumDoses,
    Map<String, CardTemplate> cardTemplates) {

  public RuleSet {
    minimumDoses = List.copyOf(minimumDoses);
    cardTemplates = Map.copyOf(cardTemplates);
  }

  public Optional<CardTemplate> cardTemplate(String topic) {
    return Optional.ofNullable(cardTemplates.get(topic));
  }

  public int ruleCount() {
    return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
  }
}
