package org.ketaminecds.facts;

/**
 * Concluded by the rules: this trial does not count as an adequate failed trial, and why (in words
 * a clinician reads on the card, e.g. "lasted 20 days, under the 42 required").
 */
public record ExcludedTrial(MedicationTrial trial, String reason) {}
