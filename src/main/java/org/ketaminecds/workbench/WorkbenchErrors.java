package org.ketaminecds.workbench;

import java.io.UncheckedIOException;
import org.ketaminecds.web.OperationOutcomes;
import org.ketaminecds.web.StackTraceOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The workbench's failures as OperationOutcome JSON the page shows: the author's mistakes (400,
 * 404, 413) with a message saying what to fix; a fault of the service as 500, logged. Ordered
 * before the hooks' handlers, which would word every message for an EHR; after {@code
 * web.CallerGone}, which answers nobody when the author has gone.
 */
@RestControllerAdvice(assignableTypes = WorkbenchController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WorkbenchErrors {

  private static final Logger log = LoggerFactory.getLogger(WorkbenchErrors.class);

  @ExceptionHandler(WorkbenchRequestException.class)
  ResponseEntity<String> request(WorkbenchRequestException e) {
    return answer(HttpStatus.valueOf(e.status()), e.issueCode(), e.getMessage());
  }

  @ExceptionHandler(UncheckedIOException.class)
  ResponseEntity<String> unreadable(UncheckedIOException e) {
    return answer(HttpStatus.BAD_REQUEST, "invalid", "The request body could not be read");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e) {
    log.error(
        "Unexpected failure of a workbench evaluation (messages left out)", StackTraceOnly.of(e));
    return answer(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "exception",
        "The workbench failed; the failure is logged");
  }

  /** As JSON (not FHIR JSON): the page reads it as any other answer of its API. */
  private static ResponseEntity<String> answer(HttpStatus status, String code, String message) {
    return OperationOutcomes.answer(status, MediaType.APPLICATION_JSON, code, message);
  }
}
