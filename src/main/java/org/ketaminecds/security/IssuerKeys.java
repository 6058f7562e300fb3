package org.ketaminecds.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ketaminecds.security.SecurityProperties.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trusted EHRs by {@code iss}, each with its configured public keys ({@code jwks-uri}).
 *
 * <p>The configured keys are the only keys: a token's {@code jku} header never makes the service
 * fetch anything. A {@code jku} equal to the client's {@code jwks-uri}, or on its {@code
 * jku-allowlist}, is accepted (EHRs such as Epic and the CDS Hooks sandbox put one in every token)
 * and the key is still taken from the configured JWKS; any other {@code jku} is refused. One key
 * source is opened per distinct configured URL, all at start.
 */
final class IssuerKeys implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

  /** Enough for any real JWKS; a bigger answer is refused rather than parsed. */
  private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;

  /** One trusted EHR. */
  record TrustedIssuer(Client client, JWKSource<SecurityContext> keys, Set<String> acceptedJkus) {

    /**
     * The keys to check a token with: always the configured JWKS, when the token names no {@code
     * jku} or one that is accepted (compared as exact strings); otherwise none, and the token is
     * refused without any fetch.
     */
    Optional<JWKSource<SecurityContext>> keysFor(URI jku) {
      if (jku == null || acceptedJkus.contains(jku.toString())) {
        return Optional.of(keys);
      }
      return Optional.empty();
    }
  }

  private final Map<String, TrustedIssuer> issuers = new LinkedHashMap<>();
  private final Map<String, JWKSource<SecurityContext>> sourcesByUrl = new HashMap<>();

  IssuerKeys(List<Client> clients, SecurityProperties properties) {
    for (Client client : clients) {
      if (client.issuer() == null || client.issuer().isBlank() || client.jwksUri() == null) {
        throw new IllegalStateException(
            "Every cds.security.clients entry needs an issuer and a jwks-uri");
      }
      if (issuers.containsKey(client.issuer())) {
        throw new IllegalStateException(
            "cds.security.clients names the issuer " + client.issuer() + " twice");
      }
      Set<String> acceptedJkus = new HashSet<>(client.jkuAllowlist());
      acceptedJkus.add(client.jwksUri().toString());
      issuers.put(
          client.issuer(),
          new TrustedIssuer(
              client, source(client, client.jwksUri(), properties), Set.copyOf(acceptedJkus)));
    }
  }

  Optional<TrustedIssuer> find(String issuer) {
    return Optional.ofNullable(issuers.get(issuer));
  }

  boolean isEmpty() {
    return issuers.isEmpty();
  }

  private JWKSource<SecurityContext> source(Client client, URI uri, SecurityProperties properties) {
    String key = uri.toString();
    JWKSource<SecurityContext> known = sourcesByUrl.get(key);
    if (known != null) {
      return known;
    }
    JWKSource<SecurityContext> opened = open(client, uri, properties);
    sourcesByUrl.put(key, opened);
    return opened;
  }

  private static JWKSource<SecurityContext> open(
      Client client, URI uri, SecurityProperties properties) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    // "file:relative/jwks.json" is opaque; "file:/abs/jwks.json" is hierarchical.
    return switch (scheme) {
      case "file" ->
          new WatchedJwksFile(uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri));
      case "https" -> remote(uri, properties);
      case "http" -> {
        if (!isLoopback(uri.getHost())) {
          log.warn(
              "The JWKS {} of issuer {} is fetched over plain http: whoever sits on the network"
                  + " path can substitute keys. Use https.",
              uri,
              LogSafe.value(client.issuer()));
        }
        yield remote(uri, properties);
      }
      default ->
          throw new IllegalStateException(
              "The JWKS location of issuer "
                  + client.issuer()
                  + " must be http(s) or file: "
                  + uri);
    };
  }

  /**
   * Cached, rate-limited and refreshed ahead of expiry by nimbus: a kid that is not in the cache
   * makes one fetch, and fetches caused by unknown kids are limited to two per interval, so a
   * caller cannot make the service hammer the EHR's JWKS endpoint.
   */
  private static JWKSource<SecurityContext> remote(URI uri, SecurityProperties properties) {
    int timeout = Math.toIntExact(properties.jwksHttpTimeout().toMillis());
    long ttl = properties.jwksCacheTtl().toMillis();
    try {
      return JWKSourceBuilder.<SecurityContext>create(
              uri.toURL(), new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT_BYTES))
          .cache(ttl, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
          // Refresh-ahead needs room before expiry; a short test TTL goes without it.
          .refreshAheadCache(
              ttl
                  > JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME
                      + JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
          .rateLimited(properties.jwksRefreshMinInterval().toMillis())
          .retrying(true)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("Not a usable JWKS URL: " + uri, e);
    }
  }

  /** By name only: resolving a host name at start-up would add a DNS dependency to a warning. */
  private static boolean isLoopback(String host) {
    return host != null
        && (host.equalsIgnoreCase("localhost")
            || host.startsWith("127.")
            || host.equals("[::1]")
            || host.equals("::1"));
  }

  @Override
  public void close() {
    for (JWKSource<SecurityContext> source : sourcesByUrl.values()) {
      if (source instanceof Closeable closeable) {
        try {
          closeable.close();
        } catch (IOException e) {
          log.debug("Closing a JWKS source failed", e);
        }
      }
    }
  }
}
