package org.ketaminecds.workbench;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.ketaminecds.web.OperationOutcomes;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards everything under {@code /workbench}. Disabled, it answers 404 for the page's static files
 * too, which Spring would otherwise serve from {@code static/workbench/}. Enabled, it adds a
 * Content Security Policy that allows only the page's own script and style: pasted charts are
 * displayed, and if escaping ever failed, an injected script still would not run.
 */
@Component
class WorkbenchFilter extends OncePerRequestFilter {

  static final String PREFIX = "/workbench";
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final WorkbenchProperties properties;
  private final byte[] notFound;

  WorkbenchFilter(WorkbenchProperties properties) {
    this.properties = properties;
    this.notFound =
        OperationOutcomes.json("not-found", "No such endpoint").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!properties.enabled()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getOutputStream().write(notFound);
      return;
    }
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, response);
  }
}
