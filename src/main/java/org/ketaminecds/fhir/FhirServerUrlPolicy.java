package org.ketaminecds.fhir;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides where the patient's access token may go: the {@code fhirServer} of a hook call, and the
 * {@code next} links of its searchset Bundles. Messages never repeat the URL.
 */
final class FhirServerUrlPolicy {

  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

  private final boolean allowInsecureHttp;

  FhirServerUrlPolicy(boolean allowInsecureHttp) {
    this.allowInsecureHttp = allowInsecureHttp;
  }

  /**
   * The base URL to query, without a trailing slash.
   *
   * @throws InvalidFhirServerException when the token must not be sent there
   */
  URI checkFhirServer(String fhirServer) {
    URI uri;
    try {
      uri = new URI(fhirServer.strip());
    } catch (URISyntaxException e) {
      throw new InvalidFhirServerException("fhirServer is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new InvalidFhirServerException("fhirServer must be an https URL");
    }
    if (uri.getHost() == null) {
      throw new InvalidFhirServerException("fhirServer has no host");
    }
    // Credentials in the URL would be sent along with (and logged by proxies beside) the token;
    // a query or fragment would be garbled by appending resource paths.
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidFhirServerException(
          "fhirServer must be a plain base URL without credentials, query or fragment");
    }
    if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
      throw new InvalidFhirServerException(
          "fhirServer must use https (plain http is accepted for loopback addresses only)");
    }
    String base = uri.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base);
  }

  /**
   * A {@code next} link resolved against the base, if it stays on the same origin (scheme, host,
   * port) as the FHIR server; otherwise empty, because following it would hand the token to another
   * server.
   */
  Optional<URI> sameOriginLink(URI base, String link) {
    URI resolved;
    try {
      resolved = URI.create(base + "/").resolve(new URI(link.strip()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
    boolean sameOrigin =
        base.getScheme().equalsIgnoreCase(resolved.getScheme())
            && resolved.getHost() != null
            && base.getHost().equalsIgnoreCase(resolved.getHost())
            && effectivePort(base) == effectivePort(resolved)
            && resolved.getRawUserInfo() == null;
    return sameOrigin ? Optional.of(resolved) : Optional.empty();
  }

  // Only literal addresses and "localhost" count: resolving a name here would let DNS decide
  // whether the token may travel unencrypted.
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      String v6 = h.substring(1, h.length() - 1);
      return v6.equals("::1") || v6.matches("(0{1,4}:){7}0{0,3}1");
    }
    return false;
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
