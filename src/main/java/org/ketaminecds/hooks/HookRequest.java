package org.ketaminecds.hooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ketaminecds.fhir.prefetch.Prefetch;
import tools.jackson.databind.JsonNode;

/**
 * A hook call as the EHR sends it (CDS Hooks 2.0). Unknown members are ignored, as the
 * specification asks of services.
 *
 * @param prefetch the {@code prefetch} object, scanned but not parsed; null when not sent
 */
record HookRequest(
    String hook,
    String hookInstance,
    String fhirServer,
    FhirAuthorization fhirAuthorization,
    JsonNode context,
    Prefetch prefetch) {

  /** {@code fhirAuthorization}: an OAuth 2.0 access token for the FHIR server. */
  record FhirAuthorization(
      @JsonProperty("access_token") String accessToken,
      @JsonProperty("token_type") String tokenType,
      @JsonProperty("expires_in") Long expiresIn,
      String scope,
      String subject,
      String patient) {

    @Override
    public String toString() {
      return "FhirAuthorization[token redacted]";
    }
  }

  @Override
  public String toString() {
    // Never print the token or the prefetched chart.
    return "HookRequest[hook=" + hook + ", hookInstance=" + hookInstance + "]";
  }
}
