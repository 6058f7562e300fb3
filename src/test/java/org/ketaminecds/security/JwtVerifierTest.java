package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks that the HTTP tests do not reach easily, on a fixed clock. */
class JwtVerifierTest {

  static final TestEhr EHR = new TestEhr();
  static final String URL = "https://cds.example.org/cds-services/ketamine-eligibility";
  static final Instant NOW = Instant.now();

  IssuerKeys issuerKeys;
  JwtVerifier verifier;

  @BeforeEach
  void verifier() {
    SecurityProperties properties =
        SecurityTestSupport.properties(null, SecurityTestSupport.client(EHR, TestEhr.TENANT));
    issuerKeys = new IssuerKeys(properties.trustedClients(), properties);
    verifier =
        new JwtVerifier(
            issuerKeys,
            new ReplayCache(100),
            properties.clockSkew(),
            properties.maxTokenLifetime(),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    issuerKeys.close();
  }

  @Test
  void acceptsAValidToken() throws Exception {
    CdsCaller caller = verifier.verify(EHR.token(URL), URL);

    assertThat(caller).isEqualTo(new CdsCaller(TestEhr.ISSUER, TestEhr.SUBJECT, TestEhr.TENANT));
  }

  @Test
  void acceptsATrailingSlashDifferenceInTheAudience() throws Exception {
    assertThat(verifier.verify(EHR.token(URL + "/"), URL).issuer()).isEqualTo(TestEhr.ISSUER);
  }

  @Test
  void refusesATokenNotValidYet() {
    String token = EHR.tokenFor(URL).claim("nbf", NOW.plusSeconds(120)).build();

    assertRefused(token, "not valid yet (nbf)");
  }

  @Test
  void refusesAnExpiryBeforeTheIssueTime() {
    String token = EHR.tokenFor(URL).issuedAt(NOW).expiresAt(NOW.minusSeconds(10)).build();

    assertRefused(token, "exp before iat");
  }

  @Test
  void refusesATenantThatIsNotAString() {
    String token = EHR.tokenFor(URL).claim("tenant", 42).build();

    assertRefused(token, "tenant is not a string");
  }

  @Test
  void refusesAnAudienceThatOnlyStartsWithTheUrl() {
    String token = EHR.tokenFor(URL + "-other").build();

    assertRefused(token, "audience does not name the URL called");
  }

  @Test
  void refusesAnEmptyJti() {
    assertRefused(EHR.tokenFor(URL).jwtId(" ").build(), "no jti");
  }

  private void assertRefused(String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token, URL))
        .isInstanceOfSatisfying(
            TokenRefusedException.class,
            refused -> {
              assertThat(refused.reason()).isEqualTo(reason);
              assertThat(refused.issuer()).isEqualTo(TestEhr.ISSUER);
            });
  }
}
