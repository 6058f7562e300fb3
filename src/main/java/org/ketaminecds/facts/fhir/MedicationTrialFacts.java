package org.ketaminecds.facts.fhir;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.ketaminecds.facts.MedicationTrial;
import org.ketaminecds.facts.TrialStatus;
import org.ketaminecds.terminology.AntidepressantIngredient;
import org.ketaminecds.terminology.Terminology;

/**
 * MedicationStatements of antidepressants (and augmentation agents) to MedicationTrial facts.
 * Statements entered in error, not taken, or only intended never become trials (contract).
 */
final class MedicationTrialFacts {

  static final ElementsRead READS =
      ElementsRead.of("MedicationStatement", "status", "medication[x]", "effective[x]", "dosage");

  static final Set<String> NEVER_COUNTS = Set.of("entered-in-error", "not-taken", "intended");

  private final Terminology terminology;

  MedicationTrialFacts(Terminology terminology) {
    this.terminology = terminology;
  }

  void addTo(List<Object> facts, MedicationStatement statement, MedicationLookup medications) {
    String status = statement.hasStatus() ? statement.getStatus().toCode() : null;
    if (status != null && NEVER_COUNTS.contains(status)) {
      return;
    }
    CodeableConcept code = medications.codeOf(statement, statement.getMedication());
    Optional<AntidepressantIngredient> ingredient = ingredientOf(code);
    if (ingredient.isEmpty()) {
      return;
    }
    AntidepressantIngredient drug = ingredient.get();
    facts.add(
        new MedicationTrial(
            statement.getIdElement().getIdPart(),
            drug.rxcui(),
            drug.name(),
            drug.drugClass(),
            drug.augmentationAgent(),
            drug.notATrialReason(),
            displayOf(code, drug),
            TrialStatus.fromCode(status),
            FhirDates.localDate(FhirDates.startOf(statement.getEffective())),
            FhirDates.localDate(FhirDates.endOf(statement.getEffective())),
            DailyDose.mgPerDay(statement.getDosage())));
  }

  private Optional<AntidepressantIngredient> ingredientOf(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      var ingredient = terminology.antidepressantIngredient(coding.getSystem(), coding.getCode());
      if (ingredient.isPresent()) {
        return ingredient;
      }
    }
    return Optional.empty();
  }

  private static String displayOf(CodeableConcept code, AntidepressantIngredient drug) {
    if (code.hasText()) {
      return code.getText();
    }
    for (Coding coding : code.getCoding()) {
      if (coding.hasDisplay()) {
        return coding.getDisplay();
      }
    }
    return drug.name();
  }
}
