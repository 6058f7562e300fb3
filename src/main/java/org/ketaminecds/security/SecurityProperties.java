package org.ketaminecds.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service authenticates the EHRs that call it (CDS Hooks 2.0, "Trusting CDS Clients").
 *
 * @param requireJwt when false, every call is let through; only for local demos
 * @param clients the EHRs allowed to call, one per {@code iss}
 * @param clockSkew tolerance on {@code exp} and {@code iat} for clocks that disagree
 * @param maxTokenLifetime longest {@code exp - iat} accepted; the spec recommends short-lived
 *     tokens and a replayed token is only refused while its jti is remembered
 * @param audienceBaseUrl when set, replaces scheme://host:port of the called URL in the {@code aud}
 *     check, so that the audience does not depend on the Host header a caller sent
 * @param allowSandbox adds the public CDS Hooks sandbox as a client: NO authentication, since the
 *     sandbox's private key is public; its tokens never reach {@code /admin/**}
 * @param protectedPaths Ant-style patterns (within the application) that need a JWT
 * @param jwksCacheTtl how long an http(s) JWKS is cached before it is fetched again
 * @param jwksRefreshMinInterval least time between two fetches of one JWKS caused by unknown kids
 *     (nimbus allows two fetches per interval)
 * @param jwksHttpTimeout connect and read timeout of a JWKS fetch
 * @param replayCacheMaxEntries jtis remembered at most; when full of unexpired ones, tokens are
 *     refused rather than risking a replay
 * @param cors CORS for browser-based EHRs
 */
@ConfigurationProperties(prefix = "cds.security")
record SecurityProperties(
    @DefaultValue("true") boolean requireJwt,
    List<Client> clients,
    @DefaultValue("60s") Duration clockSkew,
    @DefaultValue("5m") Duration maxTokenLifetime,
    URI audienceBaseUrl,
    @DefaultValue("false") boolean allowSandbox,
    @DefaultValue({"/cds-services/**", "/admin/**"}) List<String> protectedPaths,
    @DefaultValue("5m") Duration jwksCacheTtl,
    @DefaultValue("30s") Duration jwksRefreshMinInterval,
    @DefaultValue("2s") Duration jwksHttpTimeout,
    @DefaultValue("100000") int replayCacheMaxEntries,
    @DefaultValue Cors cors) {

  /**
   * The public CDS Hooks sandbox: it names its JWKS in a {@code jku} header, the .well-known URL or
   * (newer builds, src/retrieve-data-helpers/jwt-generator.js) its key file on GitHub; both are
   * accepted, and the key is always taken from the configured .well-known JWKS.
   */
  static final Client SANDBOX =
      new Client(
          "https://sandbox.cds-hooks.org",
          URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json"),
          null,
          List.of(
              "https://sandbox.cds-hooks.org/.well-known/jwks.json",
              "https://raw.githubusercontent.com/cds-hooks/sandbox/master/keys/jwk-keypair.json"));

  SecurityProperties {
    clients = clients == null ? List.of() : List.copyOf(clients);
    protectedPaths = List.copyOf(protectedPaths);
  }

  /** The configured clients, plus the sandbox when allowed and not configured already. */
  List<Client> trustedClients() {
    boolean sandboxConfigured =
        clients.stream().anyMatch(client -> SANDBOX.issuer().equals(client.issuer()));
    if (!allowSandbox || sandboxConfigured) {
      return clients;
    }
    return Stream.concat(clients.stream(), Stream.of(SANDBOX)).toList();
  }

  /**
   * One EHR allowed to call.
   *
   * @param issuer the exact {@code iss} it puts in its tokens
   * @param jwksUri where its public keys are: http(s) (fetched and cached) or file (re-read when
   *     the file changes)
   * @param tenant when set, the {@code tenant} claim must equal it
   * @param jkuAllowlist URLs, besides {@code jwksUri}, that this client may name in a {@code jku}
   *     header; they are never fetched (the key is taken from {@code jwksUri}); a token naming any
   *     other is refused
   */
  record Client(String issuer, URI jwksUri, String tenant, List<String> jkuAllowlist) {
    Client {
      jkuAllowlist = jkuAllowlist == null ? List.of() : List.copyOf(jkuAllowlist);
    }
  }

  /**
   * CORS for browser-based EHRs.
   *
   * @param allowedOrigins origins allowed, or {@code *}; the JWT, not the origin, is what
   *     authenticates a call, so {@code *} is a safe default
   * @param maxAge how long a browser may cache a preflight answer
   */
  record Cors(
      @DefaultValue("*") List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
    Cors {
      allowedOrigins = List.copyOf(allowedOrigins);
    }
  }
}
