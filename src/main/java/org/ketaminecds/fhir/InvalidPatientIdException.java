package org.ketaminecds.fhir;

/**
 * {@code context.patientId} is not a FHIR id ({@code [A-Za-z0-9\-.]{1,64}}) although we need it to
 * query the FHIR server: building a query from it could smuggle in parameters. 400 upstream.
 */
public class InvalidPatientIdException extends InvalidPatientDataRequestException {
  public InvalidPatientIdException(String message) {
    super(message);
  }
}
