package org.ketaminecds.fhir;

/**
 * The hook request itself says something we cannot work with (a malformed prefetch value, a {@code
 * fhirServer} we must not send a token to, a patient id that is no FHIR id): the caller answers 400
 * Bad Request with an OperationOutcome. Unlike {@link PatientDataUnavailableException}, retrying
 * the same request cannot help. The message names what is wrong but never repeats the offending
 * content, which may be PHI.
 */
public abstract class InvalidPatientDataRequestException extends RuntimeException {
  protected InvalidPatientDataRequestException(String message) {
    super(message);
  }
}
