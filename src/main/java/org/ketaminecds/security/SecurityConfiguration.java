package org.ketaminecds.security;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the EHR authentication: the trusted issuers' keys, the replay cache and the JWT filter,
 * placed after the request wrappers (forwarded headers) and the CORS filter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  /** Where Spring Security would sit: after the filters that wrap the request. */
  static final int JWT_FILTER_ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 100;

  /** Never reached by a token of the public sandbox, whatever the configuration. */
  static final List<String> ADMIN_PATHS = List.of("/admin/**");

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  IssuerKeys cdsIssuerKeys(SecurityProperties properties) {
    return new IssuerKeys(properties.trustedClients(), properties);
  }

  @Bean
  FilterRegistrationBean<CdsJwtFilter> cdsJwtFilterRegistration(
      SecurityProperties properties, IssuerKeys issuerKeys) {
    warnAboutWeakSettings(properties, issuerKeys);
    JwtVerifier verifier =
        new JwtVerifier(
            issuerKeys,
            new ReplayCache(properties.replayCacheMaxEntries()),
            properties.clockSkew(),
            properties.maxTokenLifetime(),
            Clock.systemUTC());
    CdsJwtFilter filter =
        new CdsJwtFilter(
            verifier,
            new ProtectedPaths(properties.protectedPaths()),
            new ProtectedPaths(ADMIN_PATHS),
            properties.requireJwt(),
            properties.audienceBaseUrl());
    FilterRegistrationBean<CdsJwtFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("cdsJwtFilter");
    registration.setOrder(JWT_FILTER_ORDER);
    return registration;
  }

  private static void warnAboutWeakSettings(SecurityProperties properties, IssuerKeys issuerKeys) {
    if (!properties.requireJwt()) {
      log.warn(
          "JWT authentication is OFF: any caller can read clinical findings."
              + " Never run like this with real patients.");
      return;
    }
    if (properties.allowSandbox()) {
      log.warn(
          "cds.security.allow-sandbox is ON: this is NO authentication. The CDS Hooks sandbox's"
              + " private key is public (it ships in the sandbox's JavaScript), so anyone can sign"
              + " a token that passes as the sandbox's and read clinical findings from every hook"
              + " (never /admin/**). Never run like this with real patients.");
    }
    if (issuerKeys.isEmpty()) {
      log.warn(
          "JWT authentication is on but no client is configured (cds.security.clients):"
              + " every call to {} will be refused.",
          properties.protectedPaths());
    }
    if (properties.audienceBaseUrl() == null) {
      log.info(
          "cds.security.audience-base-url is not set: the aud claim is compared with the URL"
              + " built from the request's Host header. Set it to the service's public base URL"
              + " so that a token meant for another service cannot be used here.");
    }
  }
}
