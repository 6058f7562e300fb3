package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter without a server: the audience URL, and which paths it guards. */
class CdsJwtFilterTest {

  static final TestEhr EHR = new TestEhr();
  static final String PUBLIC_BASE = "https://cds.example.org";

  IssuerKeys issuerKeys;

  @AfterEach
  void close() {
    if (issuerKeys != null) {
      issuerKeys.close();
    }
  }

  @Test
  void withAnAudienceBaseUrlTheAudienceIsThePublicUrlNotTheHostCalled() throws Exception {
    CdsJwtFilter filter = filter(URI.create(PUBLIC_BASE + "/"));

    MockHttpServletResponse publicAudience =
        run(filter, PUBLIC_BASE + "/cds-services/ketamine-eligibility");
    MockHttpServletResponse internalAudience =
        run(filter, "http://internal-host:8080/cds-services/ketamine-eligibility");

    assertThat(publicAudience.getStatus()).isEqualTo(200);
    assertThat(internalAudience.getStatus()).isEqualTo(401);
  }

  @Test
  void withoutAnAudienceBaseUrlTheAudienceIsTheUrlAsTheRequestArrived() throws Exception {
    CdsJwtFilter filter = filter(null);

    MockHttpServletResponse internalAudience =
        run(filter, "http://internal-host:8080/cds-services/ketamine-eligibility");

    assertThat(internalAudience.getStatus()).isEqualTo(200);
  }

  @Test
  void passesTheVerifiedCallerOn() throws Exception {
    CdsJwtFilter filter = filter(null);
    MockHttpServletRequest request = request();
    request.addHeader(
        "Authorization",
        "Bearer " + EHR.token("http://internal-host:8080/cds-services/ketamine-eligibility"));
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, new MockHttpServletResponse(), chain);

    assertThat(CdsCaller.of((HttpServletRequest) chain.getRequest()))
        .contains(new CdsCaller(TestEhr.ISSUER, TestEhr.SUBJECT, TestEhr.TENANT));
  }

  @Test
  void leavesPathsOutsideTheProtectedOnesAlone() throws Exception {
    CdsJwtFilter filter = filter(null);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
    request.setServletPath("/actuator/health");
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, new MockHttpServletResponse(), chain);

    assertThat(chain.getRequest()).isSameAs(request);
  }

  private CdsJwtFilter filter(URI audienceBaseUrl) {
    SecurityProperties properties =
        SecurityTestSupport.properties(audienceBaseUrl, SecurityTestSupport.client(EHR, null));
    issuerKeys = new IssuerKeys(properties.trustedClients(), properties);
    JwtVerifier verifier =
        new JwtVerifier(
            issuerKeys,
            new ReplayCache(100),
            properties.clockSkew(),
            properties.maxTokenLifetime(),
            Clock.systemUTC());
    return new CdsJwtFilter(
        verifier,
        new ProtectedPaths(properties.protectedPaths()),
        new ProtectedPaths(SecurityConfiguration.ADMIN_PATHS),
        true,
        audienceBaseUrl);
  }

  private static MockHttpServletResponse run(CdsJwtFilter filter, String audience)
      throws Exception {
    MockHttpServletRequest request = request();
    request.addHeader("Authorization", "Bearer " + EHR.token(audience));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  /** As it reaches the service behind a proxy: on an internal host name and port. */
  private static MockHttpServletRequest request() {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/cds-services/ketamine-eligibility");
    request.setServletPath("/cds-services/ketamine-eligibility");
    request.setScheme("http");
    request.setServerName("internal-host");
    request.setServerPort(8080);
    return request;
  }
}
