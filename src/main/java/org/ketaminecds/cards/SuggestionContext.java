package org.ketaminecds.cards;

import java.util.Map;
import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * What suggestions are built from beyond the findings: the patient in context (every resource's
 * subject) and the draft orders as sent (an update keeps everything the clinician entered).
 *
 * @param patientId {@code context.patientId}, or null when unknown (then no create or update)
 * @param drafts the draft MedicationRequests by {@code MedicationRequest/{id}}
 */
public record SuggestionContext(String patientId, Map<String, MedicationRequest> drafts) {

  public SuggestionContext {
    drafts = Map.copyOf(drafts);
  }

  public static SuggestionContext none() {
    return new SuggestionContext(null, Map.of());
  }
}
