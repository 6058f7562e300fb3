package org.ketaminecds.facts;

/**
 * Concluded by the rules: an action the clinician may accept from a card (CDS Hooks suggestion).
 * The card file of the topic gives its label and description by {@code id}; the service builds the
 * FHIR resource. It is not shown as evidence.
 *
 * @param id the suggestion of the card file, e.g. {@code refer-rems-setting}
 * @param reference what it refers to: the reason Condition of a referral, or the draft order to
 *     update or delete ({@code MedicationRequest/{id}}); may be null
 * @param doseMg the corrected dose of a {@code change-dose} suggestion, else null
 * @param sessionsPerWeek the corrected frequency of a {@code change-frequency} suggestion, else
 *     null
 */
public record SuggestedAction(String id, String reference, Double doseMg, Integer sessionsPerWeek) {

  /** A suggestion with a corrected dose, or none ({@code doseMg} null). */
  public SuggestedAction(String id, String reference, Double doseMg) {
    this(id, reference, doseMg, null);
  }

  public static SuggestedAction of(String id, String reference) {
    return new SuggestedAction(id, reference, null, null);
  }

  /** Change the draft order's timing to the schedule's sessions a week. */
  public static SuggestedAction changeFrequency(String draftOrder, int sessionsPerWeek) {
    return new SuggestedAction("change-frequency", draftOrder, null, sessionsPerWeek);
  }
}
