package org.ketaminecds.fhir;

import java.util.List;

/**
 * The data every service of this project reads, one entry per prefetch key. The template is the
 * CDS Hooks 2.0 prefetch template that discovery advertises; the same query (with the patient id
 * filled in) is what the service runs itself against {@code fhirServer} when the EHR did not
 * prefetch the key.
 */
public enum PrefetchKey {
  PATIENT("patient", "Patient/{{context.patientId}}"),
  CONDITIONS("conditions", "Condition?patient={{context.patientId}}"),
  MEDICATIONS(
      "medications",
      "MedicationStatement?patient={{context.patientId}}&_include=MedicationStatement:medication"),
  OBSERVATIONS("observations", "Observation?patient={{context.patientId}}&code=" + observationCodes()),
  ALLERGIES("allergies", "AllergyIntolerance?patient={{context.patientId}}");

  /** Blood pressure (panels and single readings) and pregnancy status: what the rules look at. */
  static final List<String> OBSERVATION_LOINC_CODES =
      List.of("85354-9", "55284-4", "8480-6", "8462-4", "82810-3");

  private final String key;
  private final String template;

  PrefetchKey(String key, String template) {
    this.key = key;
    this.template = template;
  }

  public String key() {
    return key;
  }

  public String template() {
    return template;
  }

  /** The query for one patient, relative to the FHIR base URL. */
  public String queryFor(String patientId) {
    return template.replace("{{context.patientId}}", patientId);
  }

  private static String observationCodes() {
    return String.join(
        ",", OBSERVATION_LOINC_CODES.stream().map(code -> "http://loinc.org|" + code).toList());
  }
}
