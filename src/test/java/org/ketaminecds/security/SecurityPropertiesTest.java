package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SecurityPropertiesTest {

  @Test
  void defaultsAreSafe() {
    SecurityProperties properties = bind(Map.of());

    assertThat(properties.requireJwt()).isTrue();
    assertThat(properties.clients()).isEmpty();
    assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(properties.maxTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.audienceBaseUrl()).isNull();
    assertThat(properties.allowSandbox()).isFalse();
    assertThat(properties.protectedPaths()).containsExactly("/cds-services/**", "/admin/**");
    assertThat(properties.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.jwksRefreshMinInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.jwksHttpTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(properties.replayCacheMaxEntries()).isEqualTo(100_000);
    assertThat(properties.cors().allowedOrigins()).containsExactly("*");
    assertThat(properties.cors().maxAge()).isEqualTo(Duration.ofMinutes(30));
    assertThat(properties.trustedClients()).isEmpty();
  }

  @Test
  void bindsClients() {
    SecurityProperties properties =
        bind(
            Map.of(
                "cds.security.clients[0].issuer", "https://ehr.example.org",
                "cds.security.clients[0].jwks-uri", "https://ehr.example.org/jwks.json",
                "cds.security.clients[0].tenant", "hospital-a",
                "cds.security.clients[0].jku-allowlist[0]", "https://ehr.example.org/jwks2.json",
                "cds.security.clients[1].issuer", "https://other.example.org",
                "cds.security.clients[1].jwks-uri", "file:/etc/cds/other-jwks.json"));

    assertThat(properties.clients())
        .containsExactly(
            new SecurityProperties.Client(
                "https://ehr.example.org",
                URI.create("https://ehr.example.org/jwks.json"),
                "hospital-a",
                List.of("https://ehr.example.org/jwks2.json")),
            new SecurityProperties.Client(
                "https://other.example.org",
                URI.create("file:/etc/cds/other-jwks.json"),
                null,
                List.of()));
  }

  @Test
  void allowSandboxAddsThePublicSandboxWithItsJku() {
    SecurityProperties properties = bind(Map.of("cds.security.allow-sandbox", "true"));

    assertThat(properties.trustedClients())
        .singleElement()
        .satisfies(
            sandbox -> {
              assertThat(sandbox.issuer()).isEqualTo("https://sandbox.cds-hooks.org");
              assertThat(sandbox.jwksUri())
                  .isEqualTo(URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json"));
              assertThat(sandbox.jkuAllowlist())
                  .containsExactly(
                      "https://sandbox.cds-hooks.org/.well-known/jwks.json",
                      "https://raw.githubusercontent.com/cds-hooks/sandbox/master/keys/jwk-keypair.json");
            });
  }

  @Test
  void aSandboxConfiguredByHandIsNotAddedTwice() {
    SecurityProperties properties =
        bind(
            Map.of(
                "cds.security.allow-sandbox", "true",
                "cds.security.clients[0].issuer", "https://sandbox.cds-hooks.org",
                "cds.security.clients[0].jwks-uri", "file:/etc/cds/sandbox-jwks.json"));

    assertThat(properties.trustedClients())
        .singleElement()
        .extracting(SecurityProperties.Client::jwksUri)
        .isEqualTo(URI.create("file:/etc/cds/sandbox-jwks.json"));
  }

  private static SecurityProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("cds.security", Bindable.of(SecurityProperties.class));
  }
}
