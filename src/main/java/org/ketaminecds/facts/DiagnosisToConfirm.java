package org.ketaminecds.facts;

/**
 * Concluded by the rules: the active depressive disorder that makes the patient a candidate is
 * coded only as depression, unspecified (ICD-10-CM F32.A): the card asks to confirm the diagnosis
 * of major depressive disorder.
 */
public record DiagnosisToConfirm(Diagnosis diagnosis) {}
