package org.ketaminecds.facts;

/**
 * The minimum adequate daily dose of one antidepressant ingredient (MGH-ATRQ), a row of the dose
 * table in {@code rules/parameters.yaml}.
 */
public record MinimumDose(String ingredientCode, String ingredient, double mgPerDay) {}
