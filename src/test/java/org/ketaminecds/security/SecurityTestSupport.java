package org.ketaminecds.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Builds the security properties that unit tests need, without Spring. */
final class SecurityTestSupport {

  private SecurityTestSupport() {}

  static SecurityProperties properties(URI audienceBaseUrl, SecurityProperties.Client... clients) {
    return new SecurityProperties(
        true,
        List.of(clients),
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        audienceBaseUrl,
        false,
        List.of("/cds-services/**", "/admin/**"),
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(2),
        1000,
        new SecurityProperties.Cors(List.of("*"), Duration.ofMinutes(30)));
  }

  static SecurityProperties.Client client(TestEhr ehr, String tenant) {
    return new SecurityProperties.Client(
        ehr.issuer(), URI.create(ehr.jwksUri()), tenant, List.of());
  }
}
