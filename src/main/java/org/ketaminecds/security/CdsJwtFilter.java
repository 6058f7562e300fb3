package org.ketaminecds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.ketaminecds.web.OperationOutcomes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a call to a protected path through only with a valid {@code Authorization: Bearer <JWT>}
 * from a trusted EHR (see {@link JwtVerifier}); any other call gets a 401 that says nothing of why.
 * The reason goes to the log (INFO), the token never does.
 *
 * <p>Runs after the CORS filter, so a preflight is answered without a token and a 401 carries
 * Access-Control-Allow-Origin for a browser-based EHR to read.
 */
final class CdsJwtFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CdsJwtFilter.class);

  /** The same body for every refusal: a client learns that it failed, not how. */
  static final String UNAUTHORIZED_BODY = OperationOutcomes.json("login", null);

  private static final String BEARER = "Bearer ";

  private final JwtVerifier verifier;
  private final ProtectedPaths protectedPaths;
  private final ProtectedPaths adminPaths;
  private final boolean requireJwt;
  private final String audienceBaseUrl;

  /**
   * @param adminPaths paths that a token of the public CDS Hooks sandbox never reaches: its private
   *     key is public, so anybody can sign such a token
   * @param audienceBaseUrl when not null, replaces scheme://host:port of the called URL in the
   *     audience check
   */
  CdsJwtFilter(
      JwtVerifier verifier,
      ProtectedPaths protectedPaths,
      ProtectedPaths adminPaths,
      boolean requireJwt,
      URI audienceBaseUrl) {
    this.verifier = verifier;
    this.protectedPaths = protectedPaths;
    this.adminPaths = adminPaths;
    this.requireJwt = requireJwt;
    this.audienceBaseUrl =
        audienceBaseUrl == null ? null : audienceBaseUrl.toString().replaceAll("/+$", "");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !requireJwt || !protectedPaths.covers(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CdsCaller caller;
    try {
      caller = verifier.verify(bearerToken(request), calledUrl(request));
      if (SecurityProperties.SANDBOX.issuer().equals(caller.issuer())
          && adminPaths.covers(request)) {
        throw new TokenRefusedException("sandbox token on an admin path", caller.issuer());
      }
    } catch (TokenRefusedException refused) {
      log.info(
          "JWT refused: {}, iss={}, {} {}",
          refused.reason(),
          LogSafe.value(refused.issuer()),
          request.getMethod(),
          LogSafe.value(request.getRequestURI()));
      refuse(response);
      return;
    } catch (RuntimeException e) {
      // Fail closed. Only the class name: a message could quote a part of the token.
      log.warn("JWT refused: verification failed unexpectedly ({})", e.getClass().getName());
      refuse(response);
      return;
    }
    log.debug(
        "JWT accepted: iss={}, sub={}",
        LogSafe.value(caller.issuer()),
        LogSafe.value(caller.subject()));
    request.setAttribute(CdsCaller.REQUEST_ATTRIBUTE, caller);
    chain.doFilter(request, response);
  }

  /** The token of the one Authorization header, which must use the Bearer scheme. */
  private static String bearerToken(HttpServletRequest request) throws TokenRefusedException {
    List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
    if (headers.isEmpty()) {
      throw new TokenRefusedException("no Authorization header");
    }
    if (headers.size() > 1) {
      throw new TokenRefusedException("more than one Authorization header");
    }
    String header = headers.get(0);
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new TokenRefusedException("Authorization is not a Bearer token");
    }
    String token = header.substring(BEARER.length()).trim();
    if (token.isEmpty()) {
      throw new TokenRefusedException("empty Bearer token");
    }
    return token;
  }

  /**
   * The URL as the request arrived, without the query: from the request itself (which Spring's
   * ForwardedHeaderFilter or Tomcat's RemoteIpValve adjust only when {@code
   * server.forward-headers-strategy} is set), or from the configured base URL.
   */
  private String calledUrl(HttpServletRequest request) {
    if (audienceBaseUrl != null) {
      return audienceBaseUrl + request.getRequestURI();
    }
    return request.getRequestURL().toString();
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    OperationOutcomes.send(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED_BODY);
  }
}
