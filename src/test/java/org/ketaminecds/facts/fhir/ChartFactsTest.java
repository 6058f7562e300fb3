package org.ketaminecds.facts.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.charts.ChartGenerator;
import org.ketaminecds.charts.ChartSize;
import org.ketaminecds.facts.BloodPressure;
import org.ketaminecds.facts.ClinicalStatus;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.KetamineAllergy;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.MedicationTrial;
import org.ketaminecds.facts.PatientInfo;
import org.ketaminecds.facts.PregnancyStatus;
import org.ketaminecds.facts.TrialStatus;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.terminology.Terminology;
import org.ketaminecds.web.ComputeHelpers;

/** FHIR JSON as EHRs send it, turned into the facts the rules see. */
class ChartFactsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final FhirContext FHIR = FhirContext.forR4Cached();
  static Terminology terminology;

  @BeforeAll
  static void loadTerminology() {
    terminology = new Terminology();
  }

  static <T> T parse(Class<T> type, String json) {
    return type.cast(FHIR.newJsonParser().parseResource(json));
  }

  static List<Object> facts(
      Patient patient,
      List<Condition> conditions,
      List<MedicationStatement> statements,
      List<Medication> medications,
      List<Observation> observations,
      List<AllergyIntolerance> allergies) {
    return new ChartFacts(terminology)
        .extract(
            new PatientRecord(
                patient, conditions, statements, medications, observations, allergies),
            TODAY);
  }

  static <T> List<T> only(Class<T> type, List<Object> facts) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static Condition condition(String status, String verification, String codings, String extra) {
    return parse(
        Condition.class,
        """
        {"resourceType": "Condition", "id": "c1",
         %s
         %s
         "code": {"coding": [%s], "text": "as the EHR names it"},
         "subject": {"reference": "Patient/p"} %s}
        """
            .formatted(
                status == null
                    ? ""
                    : "\"clinicalStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \""
                        + status
                        + "\"}]},",
                verification == null
                    ? ""
                    : "\"verificationStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-ver-status\", \"code\": \""
                        + verification
                        + "\"}]},",
                codings,
                extra));
  }

  static final String F33_2 =
      "{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": \"F33.2\", \"display\": \"MDD recurrent severe\"}";

  @Test
  void aConditionBecomesADiagnosisOfItsValueSetWithStatusAndDates() {
    List<Diagnosis> diagnoses =
        only(
            Diagnosis.class,
            facts(
                null,
                List.of(
                    condition(
                        "active",
                        "confirmed",
                        F33_2,
                        ", \"onsetDateTime\": \"2024-09-01T10:00:00-05:00\"")),
                List.of(),
                List.of(),
                List.of(),
                List.of()));

    assertThat(diagnoses)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.category()).isEqualTo("depressive-disorder");
              assertThat(d.code()).isEqualTo("F33.2");
              assertThat(d.status()).isEqualTo(ClinicalStatus.ACTIVE);
              assertThat(d.active()).isTrue();
              // The calendar date the chart wrote down, not shifted to another time zone.
              assertThat(d.onset()).isEqualTo(LocalDate.of(2024, 9, 1));
            });
  }

  @Test
  void refutedAndEnteredInErrorConditionsNeverCount() {
    assertThat(
            facts(
                null,
                List.of(condition("active", "refuted", F33_2, "")),
                List.of(),
                List.of(),
                List.of(),
                List.of()))
        .isEmpty();
    assertThat(
            facts(
                null,
                List.of(condition("active", "entered-in-error", F33_2, "")),
                List.of(),
                List.of(),
                List.of(),
                List.of()))
        .isEmpty();
  }

  @Test
  void activeMeansActiveRecurrenceOrRelapseOrNoStatusWithoutAbatement() {
    for (String status : List.of("active", "recurrence", "relapse")) {
      assertThat(
              only(
                      Diagnosis.class,
                      facts(
                          null,
                          List.of(condition(status, null, F33_2, "")),
                          List.of(),
                          List.of(),
                          List.of(),
                          List.of()))
                  .get(0)
                  .active())
          .as(status)
          .isTrue();
    }
    for (String status : List.of("inactive", "remission", "resolved")) {
      assertThat(
              only(
                      Diagnosis.class,
                      facts(
                          null,
                          List.of(condition(status, null, F33_2, "")),
                          List.of(),
                          List.of(),
                          List.of(),
                          List.of()))
                  .get(0)
                  .active())
          .as(status)
          .isFalse();
    }
    assertThat(
            only(
                    Diagnosis.class,
                    facts(
                        null,
                        List.of(condition(null, null, F33_2, "")),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()))
                .get(0)
                .active())
        .isTrue();
    assertThat(
            only(
                    Diagnosis.class,
                    facts(
                        null,
                        List.of(
                            condition(
                                null, null, F33_2, ", \"abatementDateTime\": \"2025-01-01\"")),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()))
                .get(0)
                .active())
        .isFalse();
  }

  @Test
  void anyCodingOfTheConditionCountsAndEachCategoryOnce() {
    String codings =
        "{\"system\": \"http://example.org/local\", \"code\": \"DEP1\"},"
            + F33_2
            + ",{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": \"F33.1\"}";

    List<Diagnosis> diagnoses =
        only(
            Diagnosis.class,
            facts(
                null,
                List.of(condition("active", null, codings, "")),
                List.of(),
                List.of(),
                List.of(),
                List.of()));

    assertThat(diagnoses).extracting(Diagnosis::category).containsExactly("depressive-disorder");
  }

  static MedicationStatement statement(
      String status, String medication, String dosage, String extra) {
    return parse(
        MedicationStatement.class,
        """
        {"resourceType": "MedicationStatement", "id": "ms1", "status": "%s",
         %s,
         "subject": {"reference": "Patient/p"},
         "effectivePeriod": {"start": "2025-01-10", "end": "2025-03-30"},
         "dosage": [%s] %s}
        """
            .formatted(status, medication, dosage, extra));
  }

  static final String SERTRALINE_100_TABLET =
      "\"medicationCodeableConcept\": {\"coding\": [{\"system\": \"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"312938\", \"display\": \"sertraline 100 MG Oral Tablet\"}]}";

  static String dose(String value, String unit, String timing) {
    return "{\"timing\": "
        + timing
        + ", \"doseAndRate\": [{\"doseQuantity\": {\"value\": "
        + value
        + ", \"unit\": \""
        + unit
        + "\", \"system\": \"http://unitsofmeasure.org\", \"code\": \""
        + unit
        + "\"}}]}";
  }

  static MedicationTrial trialOf(MedicationStatement statement, Medication... medications) {
    return only(
            MedicationTrial.class,
            facts(null, List.of(), List.of(statement), List.of(medications), List.of(), List.of()))
        .get(0);
  }

  @Test
  void aProductCodeBecomesATrialOfItsIngredientWithDatesAndDailyDose() {
    MedicationTrial trial =
        trialOf(
            statement(
                "completed",
                SERTRALINE_100_TABLET,
                dose(
                    "50",
                    "mg",
                    "{\"repeat\": {\"frequency\": 2, \"period\": 1, \"periodUnit\": \"d\"}}"),
                ""));

    assertThat(trial.ingredientCode()).isEqualTo("36437");
    assertThat(trial.ingredient()).isEqualTo("sertraline");
    assertThat(trial.drugClass()).isEqualTo("SSRI");
    assertThat(trial.status()).isEqualTo(TrialStatus.ENDED);
    assertThat(trial.start()).isEqualTo(LocalDate.of(2025, 1, 10));
    assertThat(trial.end()).isEqualTo(LocalDate.of(2025, 3, 30));
    assertThat(trial.dailyDoseMg()).isEqualTo(100.0);
  }

  @Test
  void dailyDosesFromTimingCodesPeriodsInHoursAndGrams() {
    assertThat(
            trialOf(
                    statement(
                        "stopped",
                        SERTRALINE_100_TABLET,
                        dose("100", "mg", "{\"code\": {\"coding\": [{\"code\": \"BID\"}]}}"),
                        ""))
                .dailyDoseMg())
        .isEqualTo(200.0);
    assertThat(
            trialOf(
                    statement(
                        "stopped",
                        SERTRALINE_100_TABLET,
                        dose(
                            "25",
                            "mg",
                            "{\"repeat\": {\"frequency\": 1, \"period\": 8, \"periodUnit\": \"h\"}}"),
                        ""))
                .dailyDoseMg())
        .isEqualTo(75.0);
    assertThat(
            trialOf(
                    statement(
                        "stopped",
                        SERTRALINE_100_TABLET,
                        dose(
                            "0.1",
                            "g",
                            "{\"repeat\": {\"frequency\": 1, \"period\": 1, \"periodUnit\": \"d\"}}"),
                        ""))
                .dailyDoseMg())
        .isEqualTo(100.0);
    // Two dosage lines add up: 50 mg in the morning and 100 mg at night.
    assertThat(
            trialOf(
                    statement(
                        "stopped",
                        SERTRALINE_100_TABLET,
                        dose(
                                "50",
                                "mg",
                                "{\"repeat\": {\"frequency\": 1, \"period\": 1, \"periodUnit\": \"d\"}}")
                            + ","
                            + dose(
                                "100",
                                "mg",
                                "{\"repeat\": {\"frequency\": 1, \"period\": 1, \"periodUnit\": \"d\"}}"),
                        ""))
                .dailyDoseMg())
        .isEqualTo(150.0);
  }

  @Test
  void aTabletCountIsTheProductStrengthButADoseWithoutTimingCannotBeComputed() {
    // One tablet of sertraline 100 mg: 100 mg (brief rev. 2, "Daily dose"; was null before).
    assertThat(
            trialOf(
                    statement(
                        "stopped",
                        SERTRALINE_100_TABLET,
                        dose(
                            "1",
                            "{tbl}",
                            "{\"repeat\": {\"frequency\": 1, \"period\": 1, \"periodUnit\": \"d\"}}"),
                        ""))
                .dailyDoseMg())
        .isEqualTo(100.0);
    // No timing.
    assertThat(
            trialOf(
                    statement(
                        "stopped",
                        SERTRALINE_100_TABLET,
                        "{\"doseAndRate\": [{\"doseQuantity\": {\"value\": 100, \"code\": \"mg\"}}]}",
                        ""))
                .dailyDoseMg())
        .isNull();
  }

  @Test
  void statementsEnteredInErrorNotTakenOrIntendedNeverBecomeTrials() {
    for (String status : List.of("entered-in-error", "not-taken", "intended")) {
      assertThat(
              facts(
                  null,
                  List.of(),
                  List.of(statement(status, SERTRALINE_100_TABLET, dose("100", "mg", "{}"), "")),
                  List.of(),
                  List.of(),
                  List.of()))
          .as(status)
          .isEmpty();
    }
    assertThat(
            trialOf(statement("active", SERTRALINE_100_TABLET, dose("100", "mg", "{}"), ""))
                .status())
        .isEqualTo(TrialStatus.ONGOING);
  }

  @Test
  void aContainedOrIncludedMedicationIsResolved() {
    String contained =
        "\"contained\": [{\"resourceType\": \"Medication\", \"id\": \"m\", \"code\": {\"coding\": [{\"system\": \"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"4493\"}]}}]";
    MedicationStatement withContained =
        parse(
            MedicationStatement.class,
            "{\"resourceType\": \"MedicationStatement\", \"id\": \"ms2\", \"status\": \"completed\", "
                + contained
                + ", \"medicationReference\": {\"reference\": \"#m\"}, \"subject\": {\"reference\": \"Patient/p\"}}");
    assertThat(trialOf(withContained).ingredient()).isEqualTo("fluoxetine");

    Medication included =
        parse(
            Medication.class,
            "{\"resourceType\": \"Medication\", \"id\": \"med-7\", \"code\": {\"coding\": [{\"system\": \"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"2556\"}]}}");
    MedicationStatement withReference =
        parse(
            MedicationStatement.class,
            "{\"resourceType\": \"MedicationStatement\", \"id\": \"ms3\", \"status\": \"completed\", \"medicationReference\": {\"reference\": \"Medication/med-7\"}, \"subject\": {\"reference\": \"Patient/p\"}}");
    assertThat(trialOf(withReference, included).ingredient()).isEqualTo("citalopram");
  }

  static Observation observation(String json) {
    return parse(Observation.class, json);
  }

  @Test
  void aBloodPressurePanelAndSeparateReadingsOfOneInstantBecomeReadings() {
    Observation panel =
        observation(
            """
        {"resourceType": "Observation", "id": "bp1", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
         "effectiveDateTime": "2026-05-20T09:30:00Z",
         "component": [
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": 152, "unit": "mm[Hg]"}},
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": 96.4, "unit": "mm[Hg]"}}]}
        """);
    Observation systolic =
        observation(
            """
        {"resourceType": "Observation", "id": "sys", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
         "effectiveDateTime": "2026-05-25T08:00:00Z", "valueQuantity": {"value": 128, "unit": "mm[Hg]"}}
        """);
    Observation diastolic =
        observation(
            """
        {"resourceType": "Observation", "id": "dia", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
         "effectiveDateTime": "2026-05-25T08:00:00Z", "valueQuantity": {"value": 82, "unit": "mm[Hg]"}}
        """);

    List<BloodPressure> readings =
        only(
            BloodPressure.class,
            facts(
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(panel, systolic, diastolic),
                List.of()));

    assertThat(readings)
        .extracting(BloodPressure::systolic, BloodPressure::diastolic)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(152, 96),
            org.assertj.core.groups.Tuple.tuple(128, 82));
  }

  @Test
  void aPregnancyStatusObservationSaysWhetherPregnant() {
    String template =
        """
        {"resourceType": "Observation", "id": "%s", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "82810-3"}]},
         "effectiveDateTime": "2026-05-01",
         "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "%s"}]}}
        """;
    List<PregnancyStatus> statuses =
        only(
            PregnancyStatus.class,
            facts(
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    observation(template.formatted("yes", "77386006")),
                    observation(template.formatted("no", "60001007"))),
                List.of()));

    assertThat(statuses)
        .extracting(PregnancyStatus::observationId, PregnancyStatus::pregnant)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("yes", true),
            org.assertj.core.groups.Tuple.tuple("no", false));
  }

  @Test
  void aKetamineAllergyByCodeOrByTextButNotWhenRefuted() {
    String coded =
        """
        {"resourceType": "AllergyIntolerance", "id": "a1", "criticality": "high",
         "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "6130", "display": "ketamine"}]},
         "patient": {"reference": "Patient/p"}}
        """;
    String text =
        """
        {"resourceType": "AllergyIntolerance", "id": "a2", "code": {"text": "Ketamine (anaesthesia, 2019)"},
         "patient": {"reference": "Patient/p"}}
        """;
    String refuted =
        """
        {"resourceType": "AllergyIntolerance", "id": "a3",
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "refuted"}]},
         "code": {"text": "ketamine"}, "patient": {"reference": "Patient/p"}}
        """;
    String other =
        """
        {"resourceType": "AllergyIntolerance", "id": "a4", "code": {"text": "Penicillin"}, "patient": {"reference": "Patient/p"}}
        """;

    List<KetamineAllergy> allergies =
        only(
            KetamineAllergy.class,
            facts(
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    parse(AllergyIntolerance.class, coded),
                    parse(AllergyIntolerance.class, text),
                    parse(AllergyIntolerance.class, refuted),
                    parse(AllergyIntolerance.class, other))));

    assertThat(allergies)
        .extracting(KetamineAllergy::allergyId)
        .containsExactlyInAnyOrder("a1", "a2");
  }

  @Test
  void theAgeIsTakenOnTheDayOfTheCall() {
    Patient seventeen =
        parse(
            Patient.class,
            "{\"resourceType\": \"Patient\", \"id\": \"p\", \"gender\": \"female\", \"birthDate\": \"2008-06-02\"}");
    Patient eighteen =
        parse(
            Patient.class,
            "{\"resourceType\": \"Patient\", \"id\": \"p\", \"gender\": \"female\", \"birthDate\": \"2008-06-01\"}");

    assertThat(
            only(
                PatientInfo.class,
                facts(seventeen, List.of(), List.of(), List.of(), List.of(), List.of())))
        .containsExactly(new PatientInfo(17, "female"));
    assertThat(
            only(
                PatientInfo.class,
                facts(eighteen, List.of(), List.of(), List.of(), List.of(), List.of())))
        .containsExactly(new PatientInfo(18, "female"));
  }

  @Test
  void draftOrdersOfKetamineByCodeByBundleMedicationOrByTextAndNothingElse() {
    Bundle orders =
        parse(
            Bundle.class,
            """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "MedicationRequest", "id": "by-code", "status": "draft", "intent": "order",
            "subject": {"reference": "Patient/p"},
            "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "6130", "display": "ketamine"}]}}},
          {"resource": {"resourceType": "MedicationRequest", "id": "by-reference", "status": "draft", "intent": "order",
            "subject": {"reference": "Patient/p"}, "medicationReference": {"reference": "Medication/spravato"}}},
          {"resource": {"resourceType": "Medication", "id": "spravato",
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/ndc", "code": "50458-028-02"}]}}},
          {"resource": {"resourceType": "MedicationRequest", "id": "by-text", "status": "draft", "intent": "order",
            "subject": {"reference": "Patient/p"}, "medicationCodeableConcept": {"text": "Spravato 56 mg nasal spray"}}},
          {"resource": {"resourceType": "MedicationRequest", "id": "other", "status": "draft", "intent": "order",
            "subject": {"reference": "Patient/p"},
            "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "312938"}], "text": "sertraline"}}}]}
        """);

    List<KetamineOrder> ketamine = new DraftOrderReader(terminology).ketamineOrders(orders);

    assertThat(ketamine)
        .extracting(KetamineOrder::resourceId)
        .containsExactly(
            "MedicationRequest/by-code",
            "MedicationRequest/by-reference",
            "MedicationRequest/by-text");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void aLargeChartsFactsExtractedWithHelpersAreTheFactsExtractedOnOneThread(long seed) {
    PatientRecord chart = new ChartGenerator(seed, TODAY).generate(ChartSize.HEAVY).record();
    assertThat(chart.resourceCount()).isGreaterThanOrEqualTo(ChartFacts.SHARED_FROM_RESOURCES);

    // Three helpers, so that the groups run on several threads at once even on a small machine.
    try (ComputeHelpers helpers = ComputeHelpers.forCores(4)) {
      List<Object> shared = new ChartFacts(terminology, helpers).extract(chart, TODAY);

      assertThat(shared).isEqualTo(new ChartFacts(terminology).extract(chart, TODAY)).isNotEmpty();
    }
  }
}
