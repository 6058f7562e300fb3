package org.ketaminecds.cards;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.ketaminecds.facts.SuggestedAction;
import org.ketaminecds.rules.CardTemplate;

/**
 * Turns the actions the rules suggest on a card into CDS Hooks suggestions, in the words of the
 * card file, each with a complete FHIR R4 resource (status draft, the context patient as subject).
 */
final class SuggestionBuilder {

  /** HAPI's shared R4 context: built once per JVM, thread-safe. */
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final String UCUM = "http://unitsofmeasure.org";

  private SuggestionBuilder() {}

  static List<Card.Suggestion> suggestions(
      CardTemplate template, List<SuggestedAction> actions, SuggestionContext context) {
    var suggestions = new ArrayList<Card.Suggestion>();
    // The rules conclude in no fixed order: the card file's order, then the target, is the order.
    List<String> order = List.copyOf(template.suggestions().keySet());
    List<SuggestedAction> sorted =
        actions.stream()
            .sorted(
                Comparator.comparingInt((SuggestedAction a) -> order.indexOf(a.id()))
                    .thenComparing(a -> String.valueOf(a.reference()))
                    .thenComparing(a -> a.doseMg() == null ? 0 : a.doseMg()))
            .toList();
    for (SuggestedAction action : sorted) {
      CardTemplate.SuggestionText text = template.suggestions().get(action.id());
      if (text == null) {
        continue; // the card file does not offer it: the rule author's choice
      }
      Card.Action built = action(action, text, context);
      if (built != null) {
        suggestions.add(
            new Card.Suggestion(
                fill(text.label(), action),
                CardIds.next(),
                "refer-rems-setting".equals(action.id()) ? Boolean.TRUE : null,
                List.of(built)));
      }
    }
    return suggestions;
  }

  private static Card.Action action(
      SuggestedAction action, CardTemplate.SuggestionText text, SuggestionContext context) {
    String description = fill(text.description(), action);
    if ("stop-course".equals(action.id())) {
      return action.reference() == null
          ? null
          : new Card.Action("delete", description, action.reference());
    }
    if (context.patientId() == null) {
      return null;
    }
    String patient = "Patient/" + context.patientId();
    String resource =
        switch (action.id()) {
          case "refer-rems-setting" -> CreatedResources.referral(patient, action.reference());
          case "order-phq9-baseline" -> CreatedResources.phq9Baseline(patient);
          case "measure-blood-pressure" -> CreatedResources.bloodPressureMeasurement(patient);
          case "change-dose" -> changedDose(patient, action, context);
          case "change-frequency" -> changedFrequency(patient, action, context);
          default -> null;
        };
    if (resource == null) {
      return null;
    }
    String type = action.id().startsWith("change-") ? "update" : "create";
    return new Card.Action(type, description, null, resource);
  }

  /** The draft as the clinician entered it, with the corrected dose; null without the draft. */
  private static String changedDose(
      String patient, SuggestedAction action, SuggestionContext context) {
    MedicationRequest draft = context.drafts().get(action.reference());
    if (draft == null || action.doseMg() == null) {
      return null;
    }
    MedicationRequest changed = updated(draft, patient);
    Dosage dosage = changed.getDosageInstructionFirstRep();
    dosage.setDoseAndRate(new ArrayList<>());
    dosage
        .addDoseAndRate()
        .setDose(
            new Quantity()
                .setValue(BigDecimal.valueOf(action.doseMg()).setScale(0, RoundingMode.HALF_UP))
                .setUnit("mg")
                .setSystem(UCUM)
                .setCode("mg"));
    // The old free text may state the old dose: the structured dose is what changed.
    dosage.setText(null);
    return FHIR.newJsonParser().encodeResourceToString(changed);
  }

  /**
   * The draft as the clinician entered it, timed at the schedule's sessions a week (Spravato PI
   * section 2.2: twice weekly in weeks 1-4, once weekly after); null without the draft.
   */
  private static String changedFrequency(
      String patient, SuggestedAction action, SuggestionContext context) {
    MedicationRequest draft = context.drafts().get(action.reference());
    if (draft == null || action.sessionsPerWeek() == null) {
      return null;
    }
    MedicationRequest changed = updated(draft, patient);
    Dosage dosage = changed.getDosageInstructionFirstRep();
    Timing timing = new Timing();
    timing
        .getRepeat()
        .setFrequency(action.sessionsPerWeek())
        .setPeriod(1)
        .setPeriodUnit(Timing.UnitsOfTime.WK);
    dosage.setTiming(timing);
    // The old free text may state the old timing: the structured timing is what changed.
    dosage.setText(null);
    return FHIR.newJsonParser().encodeResourceToString(changed);
  }

  /** A copy of the draft to update: status draft, an intent, the context patient as subject. */
  private static MedicationRequest updated(MedicationRequest draft, String patient) {
    MedicationRequest changed = draft.copy();
    changed.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    if (!changed.hasIntent()) {
      changed.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    }
    changed.setSubject(new Reference(patient));
    if (!changed.hasDosageInstruction()) {
      changed.addDosageInstruction();
    }
    return changed;
  }

  private static String fill(String text, SuggestedAction action) {
    String filled =
        action.doseMg() == null
            ? text
            : text.replace("{{dose}}", String.valueOf(Math.round(action.doseMg())));
    return action.sessionsPerWeek() == null
        ? filled
        : filled.replace("{{sessions}}", String.valueOf(action.sessionsPerWeek()));
  }
}
