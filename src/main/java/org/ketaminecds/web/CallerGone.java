package org.ketaminecds.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * The caller hung up before the answer was written: an EHR gives up on a hook call after its own
 * deadline, a load balancer drops connections when it drains, an author closes the workbench tab.
 * Nothing failed here and nobody is left to answer (an error written to the closed response would
 * fail again), so it is a debug line, not an error with a stack. First of all advice, for every
 * controller: the others' catch-all handlers would otherwise log it as a fault.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallerGone {

  private static final Logger log = LoggerFactory.getLogger(CallerGone.class);

  @ExceptionHandler(AsyncRequestNotUsableException.class)
  ResponseEntity<String> callerGone(AsyncRequestNotUsableException e) {
    log.debug("The caller closed the connection before the answer was written");
    // null: Spring writes nothing to the closed response
    return null;
  }
}
