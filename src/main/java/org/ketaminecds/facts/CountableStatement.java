package org.ketaminecds.facts;

/**
 * Concluded by the rules: a statement with nothing against it as part of a trial (an antidepressant
 * product, dated, not after the day of the call); the statements of one ingredient are then joined
 * into trials ({@link ContinuousTrial}).
 */
public record CountableStatement(MedicationTrial statement) {}
