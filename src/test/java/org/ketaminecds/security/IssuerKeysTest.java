package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuerKeysTest {

  static final TestEhr EHR = new TestEhr();

  @Test
  void aJkuIsAcceptedOnlyWhenConfiguredAndThenMeansTheConfiguredKeys() {
    SecurityProperties properties = SecurityTestSupport.properties(null);
    try (IssuerKeys keys = new IssuerKeys(List.of(SecurityProperties.SANDBOX), properties)) {
      IssuerKeys.TrustedIssuer sandbox = keys.find("https://sandbox.cds-hooks.org").orElseThrow();
      var configured = sandbox.keys();

      assertThat(sandbox.keysFor(null)).containsSame(configured);
      assertThat(sandbox.keysFor(URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json")))
          .containsSame(configured);
      assertThat(
              sandbox.keysFor(
                  URI.create(
                      "https://raw.githubusercontent.com/cds-hooks/sandbox/master/keys/jwk-keypair.json")))
          .containsSame(configured);
      assertThat(sandbox.keysFor(URI.create("https://attacker.test.example/.well-known/jwks.json")))
          .isEmpty();
      assertThat(
              sandbox.keysFor(URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json?x")))
          .isEmpty();
    }
  }

  @Test
  void aJkuEqualToTheConfiguredJwksUriIsAcceptedWithoutAnAllowlist() {
    SecurityProperties properties = SecurityTestSupport.properties(null);
    try (IssuerKeys keys =
        new IssuerKeys(List.of(SecurityTestSupport.client(EHR, null)), properties)) {
      IssuerKeys.TrustedIssuer ehr = keys.find(TestEhr.ISSUER).orElseThrow();

      assertThat(ehr.keysFor(URI.create(EHR.jwksUri()))).containsSame(ehr.keys());
      assertThat(ehr.keysFor(URI.create("https://ehr.test.example/jwks.json"))).isEmpty();
    }
  }

  @Test
  void findsOnlyConfiguredIssuersExactly() {
    SecurityProperties properties = SecurityTestSupport.properties(null);
    try (IssuerKeys keys =
        new IssuerKeys(List.of(SecurityTestSupport.client(EHR, null)), properties)) {
      assertThat(keys.find(TestEhr.ISSUER)).isPresent();
      assertThat(keys.find(TestEhr.ISSUER + "/")).isEmpty();
      assertThat(keys.find("HTTPS://EHR.TEST.EXAMPLE")).isEmpty();
    }
  }

  @Test
  void refusesToStartOnAnIncompleteClient() {
    SecurityProperties properties = SecurityTestSupport.properties(null);
    var noJwks = new SecurityProperties.Client(TestEhr.ISSUER, null, null, null);

    assertThatThrownBy(() -> new IssuerKeys(List.of(noJwks), properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jwks-uri");
  }

  @Test
  void refusesToStartOnAnIssuerConfiguredTwice() {
    SecurityProperties properties = SecurityTestSupport.properties(null);
    var client = SecurityTestSupport.client(EHR, null);

    assertThatThrownBy(() -> new IssuerKeys(List.of(client, client), properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void refusesToStartOnAJwksLocationThatIsNeitherHttpNorFile() {
    SecurityProperties properties = SecurityTestSupport.properties(null);
    var ftp =
        new SecurityProperties.Client(
            TestEhr.ISSUER, URI.create("ftp://ehr.test.example/jwks.json"), null, null);

    assertThatThrownBy(() -> new IssuerKeys(List.of(ftp), properties))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("http(s) or file");
  }
}
