package org.ketaminecds.facts.fhir;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.ketaminecds.facts.ClinicalStatus;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.terminology.Terminology;

/**
 * Conditions to Diagnosis facts: one per Condition and clinical category, matched on system and
 * code across every coding of the Condition's code.
 */
final class ConditionFacts {

  static final ElementsRead READS =
      ElementsRead.of(
          "Condition",
          "clinicalStatus",
          "verificationStatus",
          "code",
          "onset[x]",
          "abatement[x]",
          "recordedDate");

  private final Terminology terminology;

  ConditionFacts(Terminology terminology) {
    this.terminology = terminology;
  }

  void addTo(List<Object> facts, Condition condition) {
    // Most Conditions of a chart are in no value set: they are done with before any date is read.
    if (!inSomeValueSet(condition) || !Verification.counts(condition.getVerificationStatus())) {
      return;
    }
    String statusCode = Verification.statusCode(condition.getClinicalStatus());
    ClinicalStatus status = ClinicalStatus.fromCode(statusCode);
    boolean active =
        switch (status) {
          case ACTIVE, RECURRENCE, RELAPSE -> true;
          case UNKNOWN -> statusCode == null && !condition.hasAbatement();
          default -> false;
        };
    LocalDate onset = FhirDates.localDate(FhirDates.startOf(condition.getOnset()));
    LocalDate abatement = FhirDates.localDate(FhirDates.startOf(condition.getAbatement()));
    LocalDate recorded = FhirDates.localDate(condition.getRecordedDateElement());
    String id = condition.getIdElement().getIdPart();
    Set<String> seen = new HashSet<>();
    for (Coding coding : condition.getCode().getCoding()) {
      for (String category : terminology.valueSetsOf(coding.getSystem(), coding.getCode())) {
        if (seen.add(category)) {
          String display =
              coding.hasDisplay() ? coding.getDisplay() : condition.getCode().getText();
          facts.add(
              new Diagnosis(
                  category,
                  id,
                  terminology.canonicalSystem(coding.getSystem()),
                  coding.getCode(),
                  display,
                  status,
                  active,
                  onset,
                  abatement,
                  recorded));
        }
      }
    }
  }

  private boolean inSomeValueSet(Condition condition) {
    for (Coding coding : condition.getCode().getCoding()) {
      if (!terminology.valueSetsOf(coding.getSystem(), coding.getCode()).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
