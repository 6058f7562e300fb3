package org.ketaminecds.facts;

/**
 * A MedicationStatement that names a psychotropic drug the service cannot map to an ingredient (a
 * code not in its lists, or text alone): listed on the card as not recognised, never dropped
 * silently (clinical brief rev. 2, "Every antidepressant statement is accounted for").
 *
 * @param statementId the MedicationStatement's logical id
 * @param medication the medication as the chart names it
 * @param code the code it carries ({@code system|code}), or null when it has text only
 */
public record UnrecognisedMedication(String statementId, String medication, String code) {}
