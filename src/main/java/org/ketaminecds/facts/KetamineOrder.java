package org.ketaminecds.facts;

/**
 * A draft MedicationRequest of the order hooks that orders ketamine or esketamine.
 *
 * @param resourceId {@code MedicationRequest/{id}}, the target of a delete suggestion
 * @param medication the medication as the order names it
 */
public record KetamineOrder(String resourceId, String medication) {}
