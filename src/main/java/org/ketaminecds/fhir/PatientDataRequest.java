package org.ketaminecds.fhir;

import java.util.Map;
import org.ketaminecds.fhir.prefetch.Prefetch;
import tools.jackson.databind.JsonNode;

/**
 * What a hook call tells us about where the patient's data is.
 *
 * @param patientId {@code context.patientId}
 * @param fhirServer the EHR's FHIR base URL, or null when the EHR sent none
 * @param accessToken {@code fhirAuthorization.access_token}, or null; never logged, never stored
 * @param prefetch the {@code prefetch} object as sent: a key that is absent means "fetch it
 *     yourself", a key present with a JSON {@code null} value means "no such resource"
 */
public record PatientDataRequest(
    String patientId, String fhirServer, String accessToken, Prefetch prefetch) {

  public PatientDataRequest {
    prefetch = prefetch == null ? Prefetch.none() : prefetch;
  }

  /** A request whose prefetch is given as JSON trees. */
  public PatientDataRequest(
      String patientId, String fhirServer, String accessToken, Map<String, JsonNode> prefetch) {
    this(patientId, fhirServer, accessToken, prefetch == null ? null : Prefetch.of(prefetch));
  }

  @Override
  public String toString() {
    // The token must never reach a log line through an accidental toString().
    return "PatientDataRequest[prefetchKeys=" + prefetch.keys() + "]";
  }
}
