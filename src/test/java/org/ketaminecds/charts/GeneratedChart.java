package org.ketaminecds.charts;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.fhir.PatientRecord;

/**
 * A generated chart: its resources, the {@link PatientRecord} a full parse gives, and the CDS Hooks
 * requests an EHR would send for it, with every prefetch key filled or with none.
 */
public record GeneratedChart(
    String patientId,
    LocalDate today,
    Patient patient,
    List<Condition> conditions,
    List<MedicationStatement> medicationStatements,
    List<Medication> medications,
    List<Observation> observations,
    List<AllergyIntolerance> allergies) {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String EHR_BASE = "https://ehr.example-health.org/fhir/";

  /** The chart as a full HAPI parse of the prefetch gives it. */
  public PatientRecord record() {
    return new PatientRecord(
        patient, conditions, medicationStatements, medications, observations, allergies);
  }

  /** Every resource, as the FHIR server of the load test serves them. */
  public List<Resource> resources() {
    var all = new ArrayList<Resource>();
    all.add(patient);
    all.addAll(conditions);
    all.addAll(medicationStatements);
    all.addAll(medications);
    all.addAll(observations);
    all.addAll(allergies);
    return all;
  }

  /** Prefetch key to its JSON text: the Patient, and a searchset Bundle for each search. */
  public Map<String, String> prefetchJson() {
    IParser parser = FHIR.newJsonParser();
    var prefetch = new LinkedHashMap<String, String>();
    prefetch.put("patient", parser.encodeResourceToString(patient));
    prefetch.put("conditions", parser.encodeResourceToString(searchset(conditions, List.of())));
    prefetch.put(
        "medications", parser.encodeResourceToString(searchset(medicationStatements, medications)));
    prefetch.put("observations", parser.encodeResourceToString(searchset(observations, List.of())));
    prefetch.put("allergies", parser.encodeResourceToString(searchset(allergies, List.of())));
    return prefetch;
  }

  /** A hook call with the whole chart prefetched, as the body bytes an EHR sends. */
  public byte[] requestWithPrefetch(String hook) {
    var body = new StringBuilder(start(hook, null));
    body.append(",\"prefetch\":{");
    String separator = "";
    for (Map.Entry<String, String> key : prefetchJson().entrySet()) {
      body.append(separator).append('"').append(key.getKey()).append("\":").append(key.getValue());
      separator = ",";
    }
    return body.append("}}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A hook call with no prefetch: the service queries {@code fhirServer} for everything. */
  public byte[] requestWithoutPrefetch(String hook, String fhirServer, String accessToken) {
    String body =
        start(hook, fhirServer)
            + ",\"fhirAuthorization\":{\"access_token\":\""
            + accessToken
            + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"patient/*.read\","
            + "\"subject\":\"cds-service\"}}";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private String start(String hook, String fhirServer) {
    return "{\"hook\":\""
        + hook
        + "\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\""
        + (fhirServer == null ? "" : ",\"fhirServer\":\"" + fhirServer + "\"")
        + ",\"context\":{\"userId\":\"Practitioner/pr1\",\"patientId\":\""
        + patientId
        + "\"}";
  }

  private static Bundle searchset(List<? extends Resource> matches, List<Medication> included) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    bundle.setTotal(matches.size());
    for (Resource resource : matches) {
      entry(bundle, resource, Bundle.SearchEntryMode.MATCH);
    }
    for (Resource resource : included) {
      entry(bundle, resource, Bundle.SearchEntryMode.INCLUDE);
    }
    return bundle;
  }

  private static void entry(Bundle bundle, Resource resource, Bundle.SearchEntryMode mode) {
    bundle
        .addEntry()
        .setFullUrl(EHR_BASE + resource.fhirType() + "/" + resource.getIdPart())
        .setResource(resource)
        .getSearch()
        .setMode(mode);
  }

  /** Collects the resources while the generator makes them. */
  static final class Builder {
    private final String patientId;
    private final LocalDate today;
    private Patient patient;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<MedicationStatement> statements = new ArrayList<>();
    private final List<Medication> medications = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private final List<AllergyIntolerance> allergies = new ArrayList<>();

    Builder(String patientId, LocalDate today) {
      this.patientId = patientId;
      this.today = today;
    }

    void patient(Patient value) {
      patient = value;
    }

    void condition(Condition value) {
      conditions.add(value);
    }

    void statement(MedicationStatement value) {
      statements.add(value);
    }

    void medication(Medication value) {
      medications.add(value);
    }

    int medicationCount() {
      return medications.size();
    }

    void observation(Observation value) {
      observations.add(value);
    }

    void allergy(AllergyIntolerance value) {
      allergies.add(value);
    }

    GeneratedChart build() {
      return new GeneratedChart(
          patientId,
          today,
          patient,
          List.copyOf(conditions),
          List.copyOf(statements),
          List.copyOf(medications),
          List.copyOf(observations),
          List.copyOf(allergies));
    }
  }
}
