package org.ketaminecds.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint behind the JWT filter. {@code @TestComponent} keeps it out of component
 * scanning: only tests that {@code @Import} it get it, so it never appears in other tests'
 * applications. {@code /cds-services/security-probe} is a literal path, more specific than the real
 * {@code /cds-services/{id}}, so it answers in place of the real service for that one id.
 */
@TestComponent
@RestController
class SecurityProbeController {

  static final String BODY = "probe-ok";

  @GetMapping({"/probe/echo", "/cds-services/security-probe"})
  String get(HttpServletRequest request) {
    return answer(request);
  }

  @PostMapping({"/probe/echo", "/cds-services/security-probe"})
  String post(HttpServletRequest request) {
    return answer(request);
  }

  /** The body names the verified caller, so a test can see what the filter passed on. */
  private static String answer(HttpServletRequest request) {
    return BODY + CdsCaller.of(request).map(caller -> " " + caller.issuer()).orElse("");
  }
}
