package org.ketaminecds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.ketaminecds.security.IssuerKeys.TrustedIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an EHR's JWT as CDS Hooks 2.0 requires: ES384 or RS384, signed with the key named by
 * {@code kid} in the JWKS of a trusted {@code iss}, {@code aud} naming the URL called, {@code exp}
 * and {@code iat} current, {@code jti} not seen before.
 *
 * <p>The order matters: nothing is trusted before the signature is checked, the claims are read
 * before that only to pick the issuer's keys, and a jti is remembered only for a token that passed
 * every other check (so refused tokens cannot fill the replay cache).
 */
final class JwtVerifier {

  private static final Logger log = LoggerFactory.getLogger(JwtVerifier.class);

  /** The two algorithms CDS Hooks 2.0 allows; "none", HMAC and every other are refused. */
  static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS =
      Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);

  private static final int MIN_RSA_KEY_BITS = 2048;

  private final IssuerKeys issuers;
  private final ReplayCache replayCache;
  private final Duration clockSkew;
  private final Duration maxLifetime;
  private final Clock clock;
  private final DefaultJWSVerifierFactory verifierFactory = new DefaultJWSVerifierFactory();

  JwtVerifier(
      IssuerKeys issuers,
      ReplayCache replayCache,
      Duration clockSkew,
      Duration maxLifetime,
      Clock clock) {
    this.issuers = issuers;
    this.replayCache = replayCache;
    this.clockSkew = clockSkew;
    this.maxLifetime = maxLifetime;
    this.clock = clock;
  }

  /**
   * @param token the compact JWT from the Authorization header
   * @param calledUrl the URL of this call, which {@code aud} must name
   */
  CdsCaller verify(String token, String calledUrl) throws TokenRefusedException {
    SignedJWT jwt = parseSigned(token);
    JWSHeader header = jwt.getHeader();
    if (!ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
      throw new TokenRefusedException(
          "algorithm not allowed (" + LogSafe.value(header.getAlgorithm().getName()) + ")");
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new TokenRefusedException("no kid in the header");
    }
    JWTClaimsSet claims = claims(jwt);
    String issuer = claims.getIssuer();
    if (issuer == null) {
      throw new TokenRefusedException("no iss");
    }
    TrustedIssuer trusted =
        issuers
            .find(issuer)
            .orElseThrow(() -> new TokenRefusedException("iss not a configured client", issuer));
    JWKSource<SecurityContext> keys =
        trusted
            .keysFor(header.getJWKURL())
            .orElseThrow(() -> new TokenRefusedException("jku not on the allowlist", issuer));
    verifySignature(jwt, keys, issuer);
    // From here on the claims are the issuer's own.
    Instant expiry = checkTimes(claims, issuer);
    checkAudience(claims, calledUrl, issuer);
    String tenant = checkTenant(claims, trusted, issuer);
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      throw new TokenRefusedException("no jti", issuer);
    }
    switch (replayCache.use(issuer, jti, expiry.plus(clockSkew), clock.instant())) {
      case REPLAY -> throw new TokenRefusedException("jti already used (replay)", issuer);
      case FULL -> {
        log.warn("The JWT replay cache is full of live entries; refusing tokens until some expire");
        throw new TokenRefusedException("replay cache full", issuer);
      }
      case FIRST_USE -> {
        // Accepted below.
      }
    }
    return new CdsCaller(issuer, claims.getSubject(), tenant);
  }

  private static SignedJWT parseSigned(String token) throws TokenRefusedException {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new TokenRefusedException("not a parsable JWT");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      // A PlainJWT ("alg": "none") or an encrypted JWT.
      throw new TokenRefusedException("not a signed JWS (alg none or JWE)");
    }
    return signed;
  }

  private static JWTClaimsSet claims(SignedJWT jwt) throws TokenRefusedException {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenRefusedException("claims are not a JSON object of valid claims");
    }
  }

  private void verifySignature(SignedJWT jwt, JWKSource<SecurityContext> keys, String issuer)
      throws TokenRefusedException {
    JWSHeader header = jwt.getHeader();
    List<JWK> candidates;
    try {
      candidates = keys.get(new JWKSelector(matcherFor(header)), null);
    } catch (RateLimitReachedException e) {
      // Unknown kids asked for more JWKS refreshes than the interval allows: expected under a
      // flood of bad tokens, so no warning per call.
      throw new TokenRefusedException("unknown kid, JWKS refresh rate-limited", issuer);
    } catch (KeySourceException e) {
      // The JWKS cannot be fetched or parsed: an operational problem worth a warning.
      log.warn(
          "Keys of issuer {} unavailable: {}", LogSafe.value(issuer), e.getClass().getSimpleName());
      throw new TokenRefusedException("issuer keys unavailable", issuer);
    }
    if (candidates.isEmpty()) {
      throw new TokenRefusedException("no key with this kid for this algorithm", issuer);
    }
    for (JWK candidate : candidates) {
      try {
        JWSVerifier verifier = verifierFactory.createJWSVerifier(header, publicKey(candidate));
        if (jwt.verify(verifier)) {
          return;
        }
      } catch (JOSEException e) {
        // An unusable key, or a crit header this service does not understand: not this key.
        log.debug(
            "Key {} cannot check the token: {}", candidate.getKeyID(), e.getClass().getName());
      }
    }
    throw new TokenRefusedException("signature invalid", issuer);
  }

  /** Exactly the kid, of the key type and curve of the algorithm, meant for signatures. */
  private static JWKMatcher matcherFor(JWSHeader header) {
    JWSAlgorithm algorithm = header.getAlgorithm();
    JWKMatcher.Builder matcher =
        new JWKMatcher.Builder()
            .keyType(KeyType.forAlgorithm(algorithm))
            .keyID(header.getKeyID())
            .keyUses(KeyUse.SIGNATURE, null)
            .algorithms(algorithm, null);
    if (JWSAlgorithm.ES384.equals(algorithm)) {
      matcher.curve(Curve.P_384);
    } else {
      matcher.minKeySize(MIN_RSA_KEY_BITS);
    }
    return matcher.build();
  }

  private static Key publicKey(JWK jwk) throws JOSEException {
    if (jwk instanceof RSAKey rsa) {
      return rsa.toRSAPublicKey();
    }
    if (jwk instanceof ECKey ec) {
      return ec.toECPublicKey();
    }
    throw new JOSEException("Not an RSA or EC key");
  }

  /** Checks exp, iat, nbf and the lifetime, with the clock skew; returns the expiry. */
  private Instant checkTimes(JWTClaimsSet claims, String issuer) throws TokenRefusedException {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null) {
      throw new TokenRefusedException("no exp", issuer);
    }
    if (iat == null) {
      throw new TokenRefusedException("no iat", issuer);
    }
    Instant expiry = exp.toInstant();
    Instant issued = iat.toInstant();
    if (!expiry.plus(clockSkew).isAfter(now)) {
      throw new TokenRefusedException("expired", issuer);
    }
    if (issued.minus(clockSkew).isAfter(now)) {
      throw new TokenRefusedException("iat in the future", issuer);
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().minus(clockSkew).isAfter(now)) {
      throw new TokenRefusedException("not valid yet (nbf)", issuer);
    }
    if (expiry.isBefore(issued)) {
      throw new TokenRefusedException("exp before iat", issuer);
    }
    // A long-lived token would outlive its jti's stay in the replay cache as well as the
    // spec's advice; refuse it whatever its exp says.
    if (Duration.between(issued, expiry).compareTo(maxLifetime) > 0) {
      throw new TokenRefusedException("lifetime longer than the maximum", issuer);
    }
    return expiry;
  }

  private static void checkAudience(JWTClaimsSet claims, String calledUrl, String issuer)
      throws TokenRefusedException {
    String called = withoutTrailingSlash(calledUrl);
    List<String> audience = claims.getAudience();
    boolean named =
        audience != null
            && audience.stream()
                .anyMatch(aud -> aud != null && withoutTrailingSlash(aud).equals(called));
    if (!named) {
      throw new TokenRefusedException("audience does not name the URL called", issuer);
    }
  }

  private static String checkTenant(JWTClaimsSet claims, TrustedIssuer trusted, String issuer)
      throws TokenRefusedException {
    String tenant;
    try {
      tenant = claims.getStringClaim("tenant");
    } catch (ParseException e) {
      throw new TokenRefusedException("tenant is not a string", issuer);
    }
    String expected = trusted.client().tenant();
    if (expected != null && !expected.isBlank() && !expected.equals(tenant)) {
      throw new TokenRefusedException("tenant does not match the client's", issuer);
    }
    return tenant;
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
