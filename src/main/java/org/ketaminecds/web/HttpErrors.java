package org.ketaminecds.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 * What Spring refuses before or around any endpoint (an unknown path, a method, a media type, an
 * unreadable body), and faults of the service (500: its detail goes to the log without messages,
 * which may quote data, never to the caller), as OperationOutcomes. Last in order: the hooks' and
 * the workbench's own advice answer their errors first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class HttpErrors {

  private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
    return OperationOutcomes.answer(
        HttpStatus.BAD_REQUEST, "invalid", "The request body cannot be read");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<String> noSuchPath(NoResourceFoundException e) {
    return OperationOutcomes.answer(HttpStatus.NOT_FOUND, "not-found", "No such endpoint");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
    return OperationOutcomes.answer(
        HttpStatus.METHOD_NOT_ALLOWED,
        "not-supported",
        "Method " + e.getMethod() + " is not allowed here");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
    return OperationOutcomes.answer(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-supported", "Send the request as application/json");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return OperationOutcomes.answer(
        HttpStatus.NOT_ACCEPTABLE, "not-supported", "This service answers application/json");
  }

  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<String> databaseUnavailable(Exception e) {
    // The admin views of stored data (audit trail, analytics) while the database is down.
    log.warn("Database unavailable ({}): 503", e.getClass().getSimpleName());
    return OperationOutcomes.answer(
        HttpStatus.SERVICE_UNAVAILABLE,
        "transient",
        "The stored data cannot be read now; try again later");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e) {
    log.error("Unexpected failure of a call (messages left out)", StackTraceOnly.of(e));
    return OperationOutcomes.answer(
        HttpStatus.INTERNAL_SERVER_ERROR, "exception", "The service failed; the failure is logged");
  }
}
