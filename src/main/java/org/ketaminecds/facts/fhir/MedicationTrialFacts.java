package org.ketaminecds.facts.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.ketaminecds.facts.DoseStep;
import org.ketaminecds.facts.MedicationTrial;
import org.ketaminecds.facts.TrialStatus;
import org.ketaminecds.facts.UnrecognisedMedication;
import org.ketaminecds.terminology.AntidepressantIngredient;
import org.ketaminecds.terminology.ProductStrength;
import org.ketaminecds.terminology.Terminology;

/**
 * MedicationStatements of antidepressants (and augmentation agents) to MedicationTrial facts, and
 * those naming a psychotropic drug that no code maps to an ingredient to UnrecognisedMedication
 * facts (clinical brief rev. 2: every antidepressant statement accounted for). Statements entered
 * in error, not taken, or only intended never become facts (contract).
 */
final class MedicationTrialFacts {

  static final ElementsRead READS =
      ElementsRead.of(
          "MedicationStatement",
          "status",
          "medication[x]",
          "effective[x]",
          "dosage",
          "statusReason",
          "note");

  static final Set<String> NEVER_COUNTS = Set.of("entered-in-error", "not-taken", "intended");

  private final Terminology terminology;

  MedicationTrialFacts(Terminology terminology) {
    this.terminology = terminology;
  }

  void addTo(List<Object> facts, MedicationStatement statement, MedicationLookup medications) {
    if (statement.hasStatus() && NEVER_COUNTS.contains(statement.getStatus().toCode())) {
      return;
    }
    CodeableConcept code = medications.codeOf(statement, statement.getMedication());
    Medication medication = medications.medicationOf(statement, statement.getMedication());
    Coding matched = matchedCoding(code);
    if (matched != null) {
      AntidepressantIngredient drug =
          terminology
              .antidepressantIngredient(matched.getSystem(), matched.getCode())
              .orElseThrow();
      ProductStrength strength =
          terminology
              .antidepressantStrength(matched.getSystem(), matched.getCode())
              .orElseGet(() -> medicationStrength(medication, drug));
      boolean byIngredientCode = drug.rxcui().equals(matched.getCode());
      String notATrial =
          drug.notATrialReason() != null
              ? drug.notATrialReason()
              : selegilineReason(drug, byIngredientCode, statement, medication);
      facts.add(trial(statement, drug, displayOf(code, drug), notATrial, strength));
      return;
    }
    PsychotropicNames.Named named = PsychotropicNames.named(namesOf(statement, code, medication));
    if (named == null) {
      return;
    }
    AntidepressantIngredient drug = named.agent() == null ? null : ingredientNamed(named.agent());
    if (drug == null) {
      facts.add(
          new UnrecognisedMedication(
              statement.getIdElement().getIdPart(), named.label(), firstCode(code)));
      return;
    }
    ProductStrength strength =
        ProductStrength.named(named.label(), drug.name())
            .orElseGet(() -> medicationStrength(medication, drug));
    String notATrial =
        named.notATrialReason() != null
            ? named.notATrialReason()
            : selegilineReason(drug, true, statement, medication);
    facts.add(trial(statement, drug, named.label(), notATrial, strength));
  }

  /**
   * What to read names from: the statement's own concept; for a reference, its display and the ATC
   * codes of the Medication (the prefetch fast path keeps only Medications with a code of the lists
   * or of ATC N06A, so their other names are not read, on either path).
   */
  private static CodeableConcept namesOf(
      MedicationStatement statement, CodeableConcept code, Medication medication) {
    if (!(statement.getMedication() instanceof Reference reference)) {
      return code;
    }
    var names = new CodeableConcept().setText(reference.getDisplay());
    if (medication != null) {
      for (Coding coding : medication.getCode().getCoding()) {
        if (PsychotropicNames.isAntidepressantAtc(coding.getSystem(), coding.getCode())) {
          names.addCoding(coding);
        }
      }
    }
    return names;
  }

  private MedicationTrial trial(
      MedicationStatement statement,
      AntidepressantIngredient drug,
      String medication,
      String notATrialReason,
      ProductStrength strength) {
    String status = statement.hasStatus() ? statement.getStatus().toCode() : null;
    LocalDate start = FhirDates.localDate(FhirDates.startOf(statement.getEffective()));
    LocalDate end = FhirDates.localDate(FhirDates.endOf(statement.getEffective()));
    List<DoseStep> steps = DailyDose.steps(statement.getDosage(), strength, start, end);
    return new MedicationTrial(
        statement.getIdElement().getIdPart(),
        drug.rxcui(),
        drug.name(),
        drug.drugClass(),
        drug.augmentationAgent(),
        notATrialReason,
        medication,
        TrialStatus.fromCode(status),
        start,
        end,
        DailyDose.highest(steps),
        steps,
        ResponseText.documented(statement));
  }

  /**
   * The ingredient of a name: from the lists, or one of the antidepressants approved since they
   * were drawn (FDA labels: Exxua, gepirone extended-release tablets, 2023; Auvelity,
   * dextromethorphan-bupropion extended-release tablets, 2022), which have no minimum dose in the
   * table.
   */
  private AntidepressantIngredient ingredientNamed(String agent) {
    return switch (agent) {
      case PsychotropicNames.GEPIRONE ->
          new AntidepressantIngredient(agent, "gepirone", "5-HT1A receptor agonist", false, null);
      case PsychotropicNames.DEXTROMETHORPHAN_BUPROPION ->
          new AntidepressantIngredient(
              agent, "dextromethorphan-bupropion", "NMDA antagonist + NDRI", false, null);
      default -> terminology.antidepressantIngredientNamed(agent).orElse(null);
    };
  }

  private ProductStrength medicationStrength(Medication medication, AntidepressantIngredient drug) {
    return medication == null ? null : MedicationStrength.of(medication, drug, terminology);
  }

  private Coding matchedCoding(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      if (terminology.antidepressantIngredient(coding.getSystem(), coding.getCode()).isPresent()) {
        return coding;
      }
    }
    return null;
  }

  /**
   * Oral selegiline is a Parkinson disease product: a statement coded by the ingredient alone (or
   * naming it) is a trial only when it says it is the transdermal system (Emsam).
   */
  private static String selegilineReason(
      AntidepressantIngredient drug,
      boolean byIngredient,
      MedicationStatement statement,
      Medication medication) {
    if (PsychotropicNames.SELEGILINE.equals(drug.rxcui())
        && byIngredient
        && !PsychotropicNames.transdermal(statement, medication)) {
      return "selegiline not documented as the transdermal system (Emsam): oral selegiline is a"
          + " Parkinson disease product, not an antidepressant trial";
    }
    return null;
  }

  private static String firstCode(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      if (coding.hasCode()) {
        return coding.hasSystem() ? coding.getSystem() + "|" + coding.getCode() : coding.getCode();
      }
    }
    return null;
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
