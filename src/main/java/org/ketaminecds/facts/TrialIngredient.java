package org.ketaminecds.facts;

/**
 * Concluded by the rules: an ingredient with at least one countable statement ({@link
 * CountableStatement}). Its statements are joined into trials once per ingredient, not once per
 * statement: a chart with many statements of one antidepressant would otherwise join them as many
 * times over.
 *
 * @param ingredientCode RxNorm ingredient code
 */
public record TrialIngredient(String ingredientCode) {}
