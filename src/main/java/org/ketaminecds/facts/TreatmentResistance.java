package org.ketaminecds.facts;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Concluded by the rules: how many distinct agents (ingredients, or classes where the parameters
 * ask for distinct classes) have an adequate failed trial, and whether that meets the definition of
 * treatment-resistant depression together with an active depressive disorder.
 *
 * <p>The agents are copied: the rules pass the set their {@code accumulate} keeps, a live view that
 * changes as trials are retracted, also after the call when its facts are deleted from the session.
 */
public record TreatmentResistance(Set<String> failedAgents, boolean met) {

  public TreatmentResistance {
    failedAgents = Collections.unmodifiableSet(new LinkedHashSet<>(failedAgents));
  }
}
