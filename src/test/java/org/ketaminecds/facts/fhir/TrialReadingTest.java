package org.ketaminecds.facts.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.DoseStep;
import org.ketaminecds.facts.MedicationTrial;
import org.ketaminecds.facts.UnrecognisedMedication;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.terminology.Terminology;

/**
 * MedicationStatements as EHRs send them, read as psychiatrists read them (clinical brief rev. 2):
 * daily doses from unit counts, timing codes and {@code when}; sequenced steps; documented
 * response; drugs named without a listed code.
 */
class TrialReadingTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final FhirContext FHIR = FhirContext.forR4Cached();
  static Terminology terminology;

  @BeforeAll
  static void loadTerminology() {
    terminology = new Terminology();
  }

  static List<Object> read(String statementJson, Medication... medications) {
    var statement = (MedicationStatement) FHIR.newJsonParser().parseResource(statementJson);
    return new ChartFacts(terminology)
        .extract(
            new PatientRecord(
                null, List.of(), List.of(statement), List.of(medications), List.of(), List.of()),
            TODAY);
  }

  static String statement(String medication, String dosage, String extra) {
    return "{\"resourceType\":\"MedicationStatement\",\"id\":\"ms\",\"status\":\"completed\","
        + "\"medicationCodeableConcept\":"
        + medication
        + ",\"effectivePeriod\":{\"start\":\"2025-01-01\",\"end\":\"2025-03-01\"}"
        + (dosage == null ? "" : ",\"dosage\":" + dosage)
        + extra
        + "}";
  }

  static String rxnorm(String code, String display) {
    return "{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\""
        + code
        + "\",\"display\":\""
        + display
        + "\"}]}";
  }

  static MedicationTrial trial(List<Object> facts) {
    return facts.stream()
        .filter(MedicationTrial.class::isInstance)
        .map(MedicationTrial.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void oneTabletTimesTheStrengthOfTheRxNormProduct() {
    String dosage =
        "[{\"timing\":{\"code\":{\"coding\":[{\"code\":\"BID\"}]}},"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":1,\"unit\":\"tablet\","
            + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"{tbl}\"}}]}]";
    var trial =
        trial(
            read(statement(rxnorm("993541", "24 HR bupropion hydrochloride 150 MG"), dosage, "")));

    assertThat(trial.dailyDoseMg()).isEqualTo(300.0);
  }

  @Test
  void oneTabletTimesTheStrengthOfTheMedicationIngredient() {
    var medication =
        (Medication)
            FHIR.newJsonParser()
                .parseResource(
                    "{\"resourceType\":\"Medication\",\"id\":\"m1\",\"code\":"
                        + rxnorm("36437", "sertraline")
                        + ",\"ingredient\":[{\"itemCodeableConcept\":{\"text\":\"sertraline\"},"
                        + "\"strength\":{\"numerator\":{\"value\":50,\"unit\":\"mg\"},"
                        + "\"denominator\":{\"value\":1,\"unit\":\"tablet\"}}}]}");
    String json =
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"ms\",\"status\":\"completed\","
            + "\"medicationReference\":{\"reference\":\"Medication/m1\"},"
            + "\"effectivePeriod\":{\"start\":\"2025-01-01\",\"end\":\"2025-03-01\"},"
            + "\"dosage\":[{\"timing\":{\"repeat\":{\"frequency\":2,\"period\":1,\"periodUnit\":\"d\"}},"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":1,\"unit\":\"tablet\"}}]}]}";

    assertThat(trial(read(json, medication)).dailyDoseMg()).isEqualTo(100.0);
  }

  @Test
  void whenAtBedtimeWithoutAPeriodIsOneDoseADay() {
    String dosage =
        "[{\"timing\":{\"repeat\":{\"when\":[\"HS\"]}},"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":50,\"unit\":\"mg\"}}]}]";

    assertThat(
            trial(read(statement(rxnorm("856377", "trazodone 50 MG"), dosage, ""))).dailyDoseMg())
        .isEqualTo(50.0);
  }

  @Test
  void sequencedLinesAreStepsNotASum() {
    String dosage =
        "[{\"sequence\":1,\"timing\":{\"repeat\":{\"boundsDuration\":{\"value\":2,\"code\":\"wk\"},"
            + "\"frequency\":1,\"period\":1,\"periodUnit\":\"d\"}},"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":75,\"unit\":\"mg\"}}]},"
            + "{\"sequence\":2,\"timing\":{\"repeat\":{\"frequency\":1,\"period\":1,\"periodUnit\":\"d\"}},"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":150,\"unit\":\"mg\"}}]}]";

    var trial = trial(read(statement(rxnorm("39786", "venlafaxine"), dosage, "")));

    assertThat(trial.dailyDoseMg()).isEqualTo(150.0);
    assertThat(trial.doseSteps())
        .containsExactly(
            new DoseStep(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 15), 75.0),
            new DoseStep(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 1), 150.0));
  }

  @Test
  void linesWithoutSequenceAddUp() {
    String dosage =
        "[{\"timing\":{\"code\":{\"coding\":[{\"code\":\"QAM\"}]}},"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":50,\"unit\":\"mg\"}}]},"
            + "{\"timing\":{\"code\":{\"coding\":[{\"code\":\"QPM\"}]}},"
            + "\"doseAndRate\":[{\"doseQuantity\":{\"value\":100,\"unit\":\"mg\"}}]}]";

    assertThat(trial(read(statement(rxnorm("36437", "sertraline"), dosage, ""))).dailyDoseMg())
        .isEqualTo(150.0);
  }

  @Test
  void responseInANoteIsReadButNegatedResponseIsNot() {
    String remission = ",\"statusReason\":[{\"text\":\"Stopped: in remission\"}]";
    String noResponse = ",\"statusReason\":[{\"text\":\"stopped, no response\"}]";
    String partial = ",\"note\":[{\"text\":\"partial response only\"}]";

    assertThat(
            trial(read(statement(rxnorm("36437", "sertraline"), null, remission))).responseNote())
        .isEqualTo("Stopped: in remission");
    assertThat(
            trial(read(statement(rxnorm("36437", "sertraline"), null, noResponse))).responseNote())
        .isNull();
    assertThat(trial(read(statement(rxnorm("36437", "sertraline"), null, partial))).responseNote())
        .isNull();
  }

  @Test
  void aBrandNamedByTextMapsToItsIngredientAndFlaggedProductsAreNotTrials() {
    assertThat(trial(read(statement("{\"text\":\"Lexapro 10 mg\"}", null, ""))).ingredient())
        .isEqualTo("escitalopram");
    assertThat(trial(read(statement("{\"text\":\"Sarafem 20 mg\"}", null, ""))).notATrialReason())
        .contains("premenstrual dysphoric disorder");
    assertThat(trial(read(statement(rxnorm("9639", "selegiline"), null, ""))).notATrialReason())
        .contains("oral selegiline");
  }

  @Test
  void aPsychotropicThatCannotBeMappedIsListedAndOtherDrugsAreNot() {
    assertThat(read(statement("{\"text\":\"zuranolone 50 mg\"}", null, "")))
        .singleElement()
        .isEqualTo(new UnrecognisedMedication("ms", "zuranolone 50 mg", null));
    assertThat(read(statement(rxnorm("617312", "atorvastatin 10 MG Oral Tablet"), null, "")))
        .isEmpty();
  }
}
