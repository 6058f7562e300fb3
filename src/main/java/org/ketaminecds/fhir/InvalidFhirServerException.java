package org.ketaminecds.fhir;

/**
 * The {@code fhirServer} of a hook request is not a URL we may send the patient's access token to:
 * not http(s), or plain http to a host that is not loopback while plain http is not allowed. 400
 * upstream.
 */
public class InvalidFhirServerException extends InvalidPatientDataRequestException {
  public InvalidFhirServerException(String message) {
    super(message);
  }
}
