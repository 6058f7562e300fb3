package org.ketaminecds.facts;

import java.util.Set;

/**
 * Concluded by the rules: how many distinct agents (ingredients, or classes where the parameters
 * ask for distinct classes) have an adequate failed trial, and whether that meets the definition of
 * treatment-resistant depression together with an active depressive disorder.
 */
public record TreatmentResistance(Set<String> failedAgents, boolean met) {}
