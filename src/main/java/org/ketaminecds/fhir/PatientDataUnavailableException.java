package org.ketaminecds.fhir;

/**
 * Required patient data could be had neither from prefetch nor from the FHIR server: the hook call
 * is answered 412 Precondition Failed with an OperationOutcome (CDS Hooks 2.0, contract). The
 * message is shown to the EHR; it must carry no PHI and no token.
 */
public class PatientDataUnavailableException extends RuntimeException {
  public PatientDataUnavailableException(String message) {
    super(message);
  }

  public PatientDataUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
