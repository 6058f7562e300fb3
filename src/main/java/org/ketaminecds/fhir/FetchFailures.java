package org.ketaminecds.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Turns what HAPI's client throws into a 412 message that says which key failed and how, in words
 * an EHR administrator can act on. HAPI's own messages carry the request URL (with the patient id)
 * and bits of the answer, so neither they nor the exception itself are passed on.
 */
final class FetchFailures {
  private FetchFailures() {}

  static PatientDataUnavailableException describe(PrefetchKey key, RuntimeException failure) {
    return new PatientDataUnavailableException(reason(key, failure), Set.of(key));
  }

  private static String reason(PrefetchKey key, RuntimeException failure) {
    String what = key.key();
    if (key.isRead()
        && (failure instanceof ResourceNotFoundException
            || failure instanceof ResourceGoneException)) {
      return "patient not found on the FHIR server";
    }
    if (failure instanceof FhirClientConnectionException) {
      return connectionReason(failure) + " for " + what;
    }
    if (failure instanceof NonFhirResponseException) {
      return "FHIR server answered "
          + ((NonFhirResponseException) failure).getStatusCode()
          + " with a body that is not FHIR for "
          + what;
    }
    if (failure instanceof BaseServerResponseException) {
      return "FHIR server answered "
          + ((BaseServerResponseException) failure).getStatusCode()
          + " for "
          + what;
    }
    if (failure instanceof DataFormatException) {
      return "FHIR server sent an answer that could not be parsed for " + what;
    }
    return "fetching " + what + " failed (" + failure.getClass().getSimpleName() + ")";
  }

  private static String connectionReason(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectTimeoutException) {
        return "connecting to the FHIR server timed out";
      }
      if (cause instanceof SocketTimeoutException) {
        return "FHIR server did not answer within the read timeout";
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return "FHIR server refused or could not take the connection";
      }
      if (cause instanceof UnknownHostException) {
        return "FHIR server host name could not be resolved";
      }
      if (cause instanceof SSLException) {
        return "TLS with the FHIR server failed";
      }
      if (cause instanceof DataFormatException) {
        return "FHIR server sent an answer that could not be parsed";
      }
    }
    return "could not communicate with the FHIR server";
  }
}
