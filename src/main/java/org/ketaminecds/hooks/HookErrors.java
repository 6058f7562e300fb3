package org.ketaminecds.hooks;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.ketaminecds.feedback.StorageUnavailableException;
import org.ketaminecds.fhir.InvalidPatientDataRequestException;
import org.ketaminecds.fhir.PatientDataUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of a call as an HTTP status the EHR can act on, with an OperationOutcome: 400 for a
 * request it must fix, 404 for an unknown service, 412 when the patient's data cannot be had, and
 * 500 only for a fault of this service (its detail goes to the log, not to the caller).
 */
@RestControllerAdvice
class HookErrors {

  private static final Logger log = LoggerFactory.getLogger(HookErrors.class);

  private final OperationOutcomes outcomes;

  HookErrors(OperationOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @ExceptionHandler(InvalidHookRequestException.class)
  ResponseEntity<String> invalid(InvalidHookRequestException e) {
    // The messages name what is wrong, never the content, so they may be logged.
    log.info("400: {}", e.getMessage());
    return outcomes.answer(HttpStatus.BAD_REQUEST, IssueType.INVALID, e.getMessage());
  }

  @ExceptionHandler(InvalidPatientDataRequestException.class)
  ResponseEntity<String> invalidData(InvalidPatientDataRequestException e) {
    // Logged by HookCallHandler, with the call's identifiers.
    return outcomes.answer(HttpStatus.BAD_REQUEST, IssueType.INVALID, e.getMessage());
  }

  @ExceptionHandler(RequestTooLargeException.class)
  ResponseEntity<String> tooLarge(RequestTooLargeException e) {
    return outcomes.answer(HttpStatus.CONTENT_TOO_LARGE, IssueType.TOOLONG, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
    return outcomes.answer(
        HttpStatus.BAD_REQUEST, IssueType.INVALID, "The request body cannot be read");
  }

  @ExceptionHandler({UnknownServiceException.class})
  ResponseEntity<String> unknownService(UnknownServiceException e) {
    return outcomes.answer(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<String> noSuchPath(NoResourceFoundException e) {
    return outcomes.answer(HttpStatus.NOT_FOUND, IssueType.NOTFOUND, "No such endpoint");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
    return outcomes.answer(
        HttpStatus.METHOD_NOT_ALLOWED,
        IssueType.NOTSUPPORTED,
        "Method " + e.getMethod() + " is not allowed here");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
    return outcomes.answer(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        IssueType.NOTSUPPORTED,
        "Send the request as application/json");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return outcomes.answer(
        HttpStatus.NOT_ACCEPTABLE, IssueType.NOTSUPPORTED, "This service answers application/json");
  }

  @ExceptionHandler(PatientDataUnavailableException.class)
  ResponseEntity<String> dataUnavailable(PatientDataUnavailableException e) {
    // Logged by HookCallHandler, with the call's identifiers.
    return outcomes.answer(HttpStatus.PRECONDITION_FAILED, IssueType.INCOMPLETE, e.getMessage());
  }

  @ExceptionHandler(StorageUnavailableException.class)
  ResponseEntity<String> storageUnavailable(StorageUnavailableException e) {
    // Logged by FeedbackStore; 503 so that the EHR sends the feedback again (issue 14).
    return outcomes.answer(HttpStatus.SERVICE_UNAVAILABLE, IssueType.TRANSIENT, e.getMessage());
  }

  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<String> databaseUnavailable(Exception e) {
    // The admin views of stored data (audit trail, analytics) while the database is down.
    log.warn("Database unavailable ({}): 503", e.getClass().getSimpleName());
    return outcomes.answer(
        HttpStatus.SERVICE_UNAVAILABLE,
        IssueType.TRANSIENT,
        "The stored data cannot be read now; try again later");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e) {
    log.error("Unexpected failure of a CDS call (messages left out)", StackTraceOnly.of(e));
    return outcomes.answer(
        HttpStatus.INTERNAL_SERVER_ERROR,
        IssueType.EXCEPTION,
        "The service failed; the failure is logged");
  }
}
