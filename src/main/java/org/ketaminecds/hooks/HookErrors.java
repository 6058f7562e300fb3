package org.ketaminecds.hooks;

import org.ketaminecds.feedback.StorageUnavailableException;
import org.ketaminecds.fhir.InvalidPatientDataRequestException;
import org.ketaminecds.fhir.PatientDataUnavailableException;
import org.ketaminecds.web.OperationOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The failures of a hook call as HTTP statuses the EHR can act on, with an OperationOutcome: 400
 * for a request it must fix, 404 for an unknown service, 412 when the patient's data cannot be had.
 * Scoped to the hooks' controller; what Spring itself refuses (a method, a media type, a path) and
 * faults of the service are answered for every endpoint by {@code web.HttpErrors}.
 */
@RestControllerAdvice(assignableTypes = HooksController.class)
@Order(0)
class HookErrors {

  private static final Logger log = LoggerFactory.getLogger(HookErrors.class);

  @ExceptionHandler(InvalidHookRequestException.class)
  ResponseEntity<String> invalid(InvalidHookRequestException e) {
    // The messages name what is wrong, never the content, so they may be logged.
    log.info("400: {}", e.getMessage());
    return OperationOutcomes.answer(HttpStatus.BAD_REQUEST, "invalid", e.getMessage());
  }

  @ExceptionHandler(InvalidPatientDataRequestException.class)
  ResponseEntity<String> invalidData(InvalidPatientDataRequestException e) {
    // Logged by HookCallHandler, with the call's identifiers.
    return OperationOutcomes.answer(HttpStatus.BAD_REQUEST, "invalid", e.getMessage());
  }

  @ExceptionHandler(RequestTooLargeException.class)
  ResponseEntity<String> tooLarge(RequestTooLargeException e) {
    return OperationOutcomes.answer(HttpStatus.CONTENT_TOO_LARGE, "too-long", e.getMessage());
  }

  @ExceptionHandler({UnknownServiceException.class})
  ResponseEntity<String> unknownService(UnknownServiceException e) {
    return OperationOutcomes.answer(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler(PatientDataUnavailableException.class)
  ResponseEntity<String> dataUnavailable(PatientDataUnavailableException e) {
    // Logged by HookCallHandler, with the call's identifiers.
    return OperationOutcomes.answer(HttpStatus.PRECONDITION_FAILED, "incomplete", e.getMessage());
  }

  @ExceptionHandler(StorageUnavailableException.class)
  ResponseEntity<String> storageUnavailable(StorageUnavailableException e) {
    // Logged by FeedbackStore; 503 so that the EHR sends the feedback again (issue 14).
    return OperationOutcomes.answer(HttpStatus.SERVICE_UNAVAILABLE, "transient", e.getMessage());
  }
}
