package org.ketaminecds.facts;

/**
 * A medication the patient takes now that interacts with ketamine/esketamine (Spravato PI section
 * 7): an active MedicationStatement or an active MedicationRequest coded in one of the interaction
 * value sets.
 *
 * @param resourceId {@code MedicationStatement/{id}} or {@code MedicationRequest/{id}}
 * @param interaction the value set: {@code interaction-cns-depressant}, {@code
 *     interaction-psychostimulant} or {@code interaction-maoi}
 * @param name the medication as the chart names it
 */
public record InteractingMedication(String resourceId, String interaction, String name) {}
