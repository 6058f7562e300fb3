package org.ketaminecds.facts;

import java.time.LocalDate;

/**
 * An AllergyIntolerance to ketamine or esketamine (by code, or by text where uncoded). Refuted and
 * entered-in-error entries never become facts.
 */
public record KetamineAllergy(
    String allergyId, String substance, String criticality, boolean active, LocalDate recorded) {}
