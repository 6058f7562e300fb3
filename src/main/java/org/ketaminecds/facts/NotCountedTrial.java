package org.ketaminecds.facts;

/**
 * Concluded by the rules: this trial is not an adequate failed trial, and why, in words a clinician
 * reads on the card (e.g. "too short: 30 days at an adequate dose, under the 42 required").
 */
public record NotCountedTrial(ContinuousTrial trial, String reason) {}
