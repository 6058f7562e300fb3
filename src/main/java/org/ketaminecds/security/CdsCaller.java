package org.ketaminecds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The EHR that made the current call, as its verified JWT says; for code that wants to know who is
 * calling (e.g. to tell tenants apart). Absent when JWT authentication is off or the path is not
 * protected.
 *
 * @param issuer the token's {@code iss}, one of the configured clients
 * @param subject the token's {@code sub}: the client id the EHR was given; may be null
 * @param tenant the token's {@code tenant}; may be null
 */
public record CdsCaller(String issuer, String subject, String tenant) {

  static final String REQUEST_ATTRIBUTE = CdsCaller.class.getName();

  /** The caller of this request, when its JWT was verified. */
  public static Optional<CdsCaller> of(HttpServletRequest request) {
    return request.getAttribute(REQUEST_ATTRIBUTE) instanceof CdsCaller caller
        ? Optional.of(caller)
        : Optional.empty();
  }
}
