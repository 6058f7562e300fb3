package org.ketaminecds.fhir;

/**
 * A prefetch value is neither JSON {@code null} nor a FHIR resource we can read for its key (a
 * string, a number, an array, a resource that does not parse, a resource of another type). 400
 * upstream. The message names the key, never the content.
 */
public class InvalidPrefetchException extends InvalidPatientDataRequestException {
  public InvalidPrefetchException(String message) {
    super(message);
  }
}
