package org.ketaminecds.terminology;

/**
 * The antidepressant (or augmentation) ingredient a medication code stands for, from ConceptMap
 * {@code antidepressant-ingredient}. Two strengths of one drug give equal instances, so distinct
 * agents are distinct {@link #rxcui()}s.
 *
 * @param rxcui RxNorm ingredient code, e.g. {@code "36437"}
 * @param name ingredient name, e.g. {@code "sertraline"}
 * @param drugClass e.g. {@code "SSRI"}, {@code "SNRI"}, {@code "TCA"}, {@code "augmentation agent"}
 * @param augmentationAgent lithium or a second-generation antipsychotic rather than an
 *     antidepressant proper
 * @param notATrialReason why a statement of this product must not count as an antidepressant trial
 *     (oral selegiline, Zyban), for the card's detail; {@code null} for a normal one
 */
public record AntidepressantIngredient(
    String rxcui,
    String name,
    String drugClass,
    boolean augmentationAgent,
    String notATrialReason) {}
