package org.ketaminecds.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a {@link ComputeSlots} slot around each hook call. Feedback posts take none: they wait on
 * the database, and an outage of it must not hold the hook calls back. A call that finds no slot
 * free within the configured wait is answered 503 with an OperationOutcome and a {@code
 * Retry-After}, before its body is read: the EHR can retry it elsewhere, and nothing was done.
 */
final class ComputeSlotFilter extends OncePerRequestFilter {

  static final String BUSY_BODY =
      OperationOutcomes.json("transient", "the service is busy; retry in a second");

  private static final Logger log = LoggerFactory.getLogger(ComputeSlotFilter.class);

  private final ComputeSlots slots;
  private final Runnable onRefused;

  ComputeSlotFilter(ComputeSlots slots, Runnable onRefused) {
    this.slots = slots;
    this.onRefused = onRefused;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getRequestURI().endsWith("/feedback");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean entered;
    try {
      entered = slots.enter();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      entered = false;
    }
    if (!entered) {
      onRefused.run();
      log.warn("Call refused: no compute slot free ({} waiting)", slots.waiting());
      refuse(response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      slots.leave();
    }
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", "1");
    OperationOutcomes.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, BUSY_BODY);
  }
}
