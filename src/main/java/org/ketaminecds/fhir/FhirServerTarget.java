package org.ketaminecds.fhir;

import java.net.URI;

/**
 * Where and as whom one hook call queries: an already checked base URL, the bearer token (or null)
 * and a patient id that is a valid FHIR id.
 */
record FhirServerTarget(URI base, String accessToken, String patientId) {
  @Override
  public String toString() {
    // Neither the token nor the patient id may reach a log line through toString().
    return "FhirServerTarget[host=" + base.getHost() + "]";
  }
}
