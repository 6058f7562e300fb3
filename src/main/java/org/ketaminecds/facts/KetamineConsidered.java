package org.ketaminecds.facts;

/**
 * Concluded by the rules: ketamine or esketamine is on the table for this patient, either as a TRD
 * candidate on patient-view or as a draft order. Contraindication and caution rules apply only
 * then.
 */
public record KetamineConsidered(String why) {}
