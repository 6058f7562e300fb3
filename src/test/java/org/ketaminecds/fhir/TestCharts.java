package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small FHIR charts for the tests, and the JSON an EHR would prefetch for them. No clinical
 * meaning: codes are real enough to look right, dates are fixed.
 */
public final class TestCharts {
  public static final FhirContext FHIR = FhirContext.forR4Cached();
  public static final String PATIENT_ID = "p1";
  public static final String OTHER_PATIENT_ID = "p2";
  public static final int CONDITION_COUNT = 12;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Date FIXED_DATE = new Date(1_700_000_000_000L);

  private TestCharts() {}

  public static Patient patient(String id) {
    Patient patient = new Patient();
    patient.setId(id);
    patient.setGender(Enumerations.AdministrativeGender.FEMALE);
    patient.setBirthDate(FIXED_DATE);
    return patient;
  }

  public static Condition condition(String id, String patientId) {
    Condition condition = new Condition();
    condition.setId(id);
    condition.setSubject(new Reference("Patient/" + patientId));
    condition.setCode(
        new CodeableConcept(
            new Coding("http://snomed.info/sct", "35489007", "Depressive disorder")));
    return condition;
  }

  public static Medication medication(String id, String rxnorm, String name) {
    Medication medication = new Medication();
    medication.setId(id);
    medication.setCode(
        new CodeableConcept(
            new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, name)));
    return medication;
  }

  public static MedicationStatement statement(String id, String patientId, String medicationId) {
    MedicationStatement statement = new MedicationStatement();
    statement.setId(id);
    statement.setStatus(MedicationStatement.MedicationStatementStatus.COMPLETED);
    statement.setSubject(new Reference("Patient/" + patientId));
    statement.setMedication(new Reference("Medication/" + medicationId));
    return statement;
  }

  public static Observation observation(String id, String patientId, String loinc) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setSubject(new Reference("Patient/" + patientId));
    observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
    observation.setValue(new Quantity().setValue(120).setUnit("mm[Hg]"));
    return observation;
  }

  public static AllergyIntolerance allergy(String id, String patientId) {
    AllergyIntolerance allergy = new AllergyIntolerance();
    allergy.setId(id);
    allergy.setPatient(new Reference("Patient/" + patientId));
    allergy.setCode(
        new CodeableConcept(
            new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "6130", "ketamine")));
    return allergy;
  }

  /**
   * Patient p1 with 12 conditions, 3 statements (two of one medication), 2 observations of interest
   * and one heart rate the query filters out, one allergy; patient p2 with one of each.
   */
  public static List<Resource> serverChart() {
    List<Resource> resources = new ArrayList<>();
    resources.add(patient(PATIENT_ID));
    resources.add(patient(OTHER_PATIENT_ID));
    for (int i = 1; i <= CONDITION_COUNT; i++) {
      resources.add(condition("c" + i, PATIENT_ID));
    }
    resources.add(condition("other-c1", OTHER_PATIENT_ID));
    resources.add(medication("m1", "36437", "sertraline"));
    resources.add(medication("m2", "4493", "fluoxetine"));
    resources.add(statement("ms1", PATIENT_ID, "m1"));
    resources.add(statement("ms2", PATIENT_ID, "m2"));
    resources.add(statement("ms3", PATIENT_ID, "m1"));
    resources.add(statement("other-ms1", OTHER_PATIENT_ID, "m2"));
    resources.add(observation("o1", PATIENT_ID, "85354-9"));
    resources.add(observation("o2", PATIENT_ID, "82810-3"));
    resources.add(observation("o-heart-rate", PATIENT_ID, "8867-4"));
    resources.add(observation("other-o1", OTHER_PATIENT_ID, "85354-9"));
    resources.add(allergy("a1", PATIENT_ID));
    resources.add(allergy("other-a1", OTHER_PATIENT_ID));
    return resources;
  }

  public static Bundle searchset(Resource... resources) {
    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.SEARCHSET);
    bundle.setTotal(resources.length);
    for (Resource resource : resources) {
      bundle
          .addEntry()
          .setFullUrl(
              "https://ehr.example/fhir/" + resource.fhirType() + "/" + resource.getIdPart())
          .setResource(resource)
          .getSearch()
          .setMode(Bundle.SearchEntryMode.MATCH);
    }
    return bundle;
  }

  public static OperationOutcome prefetchFailure() {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.TIMEOUT)
        .setDiagnostics("prefetch query timed out");
    return outcome;
  }

  /** A resource as the Jackson 3 tree the web layer hands over. */
  public static JsonNode json(Resource resource) {
    return JSON.readTree(FHIR.newJsonParser().encodeResourceToString(resource));
  }

  public static JsonNode jsonText(String json) {
    return JSON.readTree(json);
  }

  /** A complete prefetch for p1: every key, as bundles (Patient as a resource). */
  public static Map<String, JsonNode> fullPrefetch() {
    Bundle medications = searchset(statement("ms1", PATIENT_ID, "m1"));
    medications
        .addEntry()
        .setResource(medication("m1", "36437", "sertraline"))
        .getSearch()
        .setMode(Bundle.SearchEntryMode.INCLUDE);
    Map<String, JsonNode> prefetch = new LinkedHashMap<>();
    prefetch.put("patient", json(patient(PATIENT_ID)));
    prefetch.put(
        "conditions", json(searchset(condition("c1", PATIENT_ID), condition("c2", PATIENT_ID))));
    prefetch.put("medications", json(medications));
    prefetch.put("observations", json(searchset(observation("o1", PATIENT_ID, "85354-9"))));
    prefetch.put("allergies", json(searchset(allergy("a1", PATIENT_ID))));
    prefetch.put("administrations", json(searchset()));
    prefetch.put("medicationRequests", json(searchset()));
    return prefetch;
  }

  public static List<String> ids(List<? extends Resource> resources) {
    return resources.stream().map(Resource::getIdPart).toList();
  }
}
