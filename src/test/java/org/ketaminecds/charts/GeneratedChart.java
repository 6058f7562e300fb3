package org.ketaminecds.charts;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.fhir.PatientRecord;

/**
 * A generated chart: its resources, the {@link PatientRecord} a full parse gives, and the CDS Hooks
 * requests an EHR would send for it, with every prefetch key filled or with none.
 */
public record GeneratedChart(String patientId, LocalDate today, PatientRecord record) {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String EHR_BASE = "https://ehr.example-health.org/fhir/";

  /** Every resource, as the FHIR server of the load test serves them. */
  public List<Resource> resources() {
    var all = new ArrayList<Resource>();
    all.add(record.patient());
    all.addAll(record.conditions());
    all.addAll(record.medicationStatements());
    all.addAll(record.medications());
    all.addAll(record.observations());
    all.addAll(record.allergies());
    all.addAll(record.administrations());
    all.addAll(record.medicationRequests());
    return all;
  }

  /** Prefetch key to its JSON text: the Patient, and a searchset Bundle for each search. */
  public Map<String, String> prefetchJson() {
    IParser parser = FHIR.newJsonParser();
    var prefetch = new LinkedHashMap<String, String>();
    prefetch.put("patient", parser.encodeResourceToString(record.patient()));
    prefetch.put(
        "conditions", parser.encodeResourceToString(searchset(record.conditions(), List.of())));
    prefetch.put(
        "medications",
        parser.encodeResourceToString(
            searchset(record.medicationStatements(), record.medications())));
    prefetch.put(
        "observations", parser.encodeResourceToString(searchset(record.observations(), List.of())));
    prefetch.put(
        "allergies", parser.encodeResourceToString(searchset(record.allergies(), List.of())));
    prefetch.put(
        "administrations",
        parser.encodeResourceToString(searchset(record.administrations(), List.of())));
    prefetch.put(
        "medicationRequests",
        parser.encodeResourceToString(searchset(record.medicationRequests(), List.of())));
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

  /**
   * Collects the resources while the generator makes them, in the order a full parse of the
   * prefetch gives them.
   */
  static final class Builder {
    private final String patientId;
    private final LocalDate today;
    private final PatientRecord.Builder record = new PatientRecord.Builder();
    private int medicationCount;

    Builder(String patientId, LocalDate today) {
      this.patientId = patientId;
      this.today = today;
    }

    void add(Resource resource) {
      if (!record.add(resource)) {
        throw new IllegalArgumentException("Not a resource of a chart: " + resource.fhirType());
      }
      if (resource instanceof Medication) {
        medicationCount++;
      }
    }

    int medicationCount() {
      return medicationCount;
    }

    GeneratedChart build() {
      return new GeneratedChart(patientId, today, record.build());
    }
  }
}
