package org.ketaminecds.facts;

/**
 * Concluded by the rules: one agent with an adequate failed trial: an ingredient, or a combination
 * taken together ({@code "bupropion + sertraline"}).
 *
 * @param agent the ingredient name, or the names of a combination
 * @param drugClass its class, or the classes of a combination joined by {@code +}
 */
public record FailedAgent(String agent, String drugClass) {}
