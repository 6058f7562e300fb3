package org.ketaminecds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in EHR for tests: it has an RSA key (RS384) and an EC P-384 key (ES384), publishes their
 * public halves as a JWKS file, and mints CDS Hooks 2.0 tokens, valid by default, or tweaked for
 * attacks through {@link #tokenFor(String)}.
 *
 * <p>How another HTTP test makes the service trust it:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * class MyHttpTest {
 *   static final TestEhr EHR = new TestEhr();
 *
 *   @DynamicPropertySource
 *   static void trustTheTestEhr(DynamicPropertyRegistry registry) {
 *     EHR.register(registry);
 *     // which is:
 *     //   cds.security.clients[0].issuer   = TestEhr.ISSUER
 *     //   cds.security.clients[0].jwks-uri = EHR.jwksUri()   (file:/tmp/.../jwks.json)
 *   }
 *
 *   @LocalServerPort int port;
 *
 *   void call() {
 *     String url = "http://localhost:" + port + "/cds-services/ketamine-eligibility";
 *     HttpRequest request = HttpRequest.newBuilder(URI.create(url))
 *         .header("Authorization", "Bearer " + EHR.token(url))
 *         ...
 *   }
 * }
 * }</pre>
 *
 * <p>The audience is the exact URL called (as the service sees it: {@code localhost}, not {@code
 * 127.0.0.1}, when the test calls {@code localhost}). Every token has a new {@code jti}, and a
 * token is accepted once: mint one per call.
 */
public final class TestEhr {

  /** The issuer of {@code new TestEhr()}. */
  public static final String ISSUER = "https://ehr.test.example";

  public static final String SUBJECT = "test-ehr-client-id";
  public static final String TENANT = "test-tenant";
  public static final String RSA_KID = "test-ehr-rsa-1";
  public static final String EC_KID = "test-ehr-ec-1";

  /** Short, as the spec advises; well under the service's default maximum of 5 minutes. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(2);

  private final String issuer;
  private final RSAKey rsaKey;
  private final ECKey ecKey;
  private Path jwksFile;

  public TestEhr() {
    this(ISSUER);
  }

  public TestEhr(String issuer) {
    this.issuer = issuer;
    this.rsaKey = newRsaKey(RSA_KID);
    this.ecKey = newEcKey(EC_KID);
  }

  public static RSAKey newRsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ECKey newEcKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_384).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public RSAKey rsaKey() {
    return rsaKey;
  }

  public ECKey ecKey() {
    return ecKey;
  }

  /** The public JWKS of this EHR, as it would serve it. */
  public String jwksJson() {
    return jwksJson(rsaKey, ecKey);
  }

  /** A public JWKS of the given keys (private parts dropped). */
  public static String jwksJson(JWK... keys) {
    return new JWKSet(Arrays.asList(keys)).toPublicJWKSet().toString();
  }

  /** The JWKS written to a file in a temporary folder, once. */
  public synchronized Path jwksFile() {
    if (jwksFile == null) {
      try {
        Path folder = Files.createTempDirectory("test-ehr-");
        jwksFile = folder.resolve("jwks.json");
        Files.writeString(jwksFile, jwksJson(), StandardCharsets.UTF_8);
        jwksFile.toFile().deleteOnExit();
        folder.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return jwksFile;
  }

  /** {@code file:...} URI of {@link #jwksFile()}, for {@code cds.security.clients[N].jwks-uri}. */
  public String jwksUri() {
    return jwksFile().toUri().toString();
  }

  /** Trusts this EHR as {@code cds.security.clients[0]}, its keys read from {@link #jwksFile()}. */
  public void register(DynamicPropertyRegistry registry) {
    register(registry, 0);
  }

  /** Trusts this EHR as {@code cds.security.clients[index]}. */
  public void register(DynamicPropertyRegistry registry, int index) {
    String prefix = "cds.security.clients[" + index + "].";
    registry.add(prefix + "issuer", this::issuer);
    registry.add(prefix + "jwks-uri", this::jwksUri);
  }

  /** A valid RS384 token for a call to {@code audienceUrl}. */
  public String token(String audienceUrl) {
    return tokenFor(audienceUrl).build();
  }

  /**
   * A token as Epic sends it: RS384, {@code typ} JWT, {@code kid} and {@code jku} (its JWKS URL) in
   * the header; {@code iss}, {@code sub} (client id), {@code aud} the URL called (a string), {@code
   * iat}, {@code exp} 5 minutes later, {@code jti}; no tenant claim.
   */
  public Token epicStyle(String audienceUrl, String jku) {
    return tokenFor(audienceUrl).jku(jku).without("tenant").lifetime(Duration.ofMinutes(5));
  }

  /**
   * A token as the CDS Hooks sandbox sends it (src/retrieve-data-helpers/jwt-generator.js): {@code
   * typ} JWT, {@code kid}, {@code jku} in the header; {@code iss}, {@code sub}, {@code aud} (a
   * string), {@code exp} = {@code iat} + 300 s, {@code jti} (a UUID); no tenant. The sandbox's
   * source signs ES256, which CDS Hooks 2.0 does not allow; this signs ES384.
   */
  public Token sandboxStyle(String audienceUrl, String jku) {
    return epicStyle(audienceUrl, jku).es384();
  }

  /** A token builder, valid until changed. */
  public Token tokenFor(String audienceUrl) {
    return new Token(audienceUrl);
  }

  /** A token under construction: valid RS384 by default; each method changes one thing. */
  public final class Token {

    private JWSAlgorithm algorithm = JWSAlgorithm.RS384;
    private JWK signingKey;
    private byte[] hmacSecret;
    private String kid;
    private boolean kidSet;
    private URI jku;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private Object audience;

    private Token(String audienceUrl) {
      Instant now = Instant.now();
      claims.put("iss", issuer);
      claims.put("sub", SUBJECT);
      claims.put("tenant", TENANT);
      claims.put("iat", now);
      claims.put("exp", now.plus(DEFAULT_LIFETIME));
      claims.put("jti", UUID.randomUUID().toString());
      this.audience = audienceUrl;
    }

    /** RS* with the EHR's RSA key, ES* with its EC key, unless {@link #signedWith} says. */
    public Token algorithm(JWSAlgorithm algorithm) {
      this.algorithm = algorithm;
      return this;
    }

    public Token es384() {
      return algorithm(JWSAlgorithm.ES384);
    }

    /** Another key (its own kid goes in the header unless {@link #kid} says otherwise). */
    public Token signedWith(JWK key) {
      this.signingKey = key;
      return this;
    }

    /** HMAC (HS256/384/512) with this secret. */
    public Token hmac(JWSAlgorithm algorithm, byte[] secret) {
      this.algorithm = algorithm;
      this.hmacSecret = secret.clone();
      return this;
    }

    /** The header's kid; null leaves it out. */
    public Token kid(String kid) {
      this.kid = kid;
      this.kidSet = true;
      return this;
    }

    public Token jku(String jku) {
      this.jku = URI.create(jku);
      return this;
    }

    public Token issuer(String issuer) {
      return claim("iss", issuer);
    }

    public Token subject(String subject) {
      return claim("sub", subject);
    }

    public Token tenant(String tenant) {
      return claim("tenant", tenant);
    }

    public Token jwtId(String jti) {
      return claim("jti", jti);
    }

    public Token issuedAt(Instant iat) {
      return claim("iat", iat);
    }

    public Token expiresAt(Instant exp) {
      return claim("exp", exp);
    }

    /** {@code exp} this long after {@code iat}. */
    public Token lifetime(Duration lifetime) {
      return expiresAt(((Instant) claims.get("iat")).plus(lifetime));
    }

    /** {@code aud} as a JSON array of these URLs (an array even with one element). */
    public Token audiences(String... urls) {
      this.audience = List.of(urls);
      return this;
    }

    /** Any claim; an {@link Instant} becomes seconds since the epoch. */
    public Token claim(String name, Object value) {
      if (name.equals("aud")) {
        audience = value;
      } else {
        claims.put(name, value);
      }
      removed.remove(name);
      return this;
    }

    /** Leaves a claim out (e.g. "jti", "exp"). */
    public Token without(String name) {
      removed.add(name);
      return this;
    }

    /** The signed compact token. */
    public String build() {
      try {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
        JWSSigner signer = signer();
        header.keyID(kidSet ? kid : defaultKid());
        if (jku != null) {
          header.jwkURL(jku);
        }
        JWSObject jws = new JWSObject(header.build(), payload());
        jws.sign(signer);
        return jws.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The same claims, unsigned: {@code "alg": "none"}. */
    public String buildUnsigned() {
      return new PlainObject(payload()).serialize();
    }

    private JWSSigner signer() throws JOSEException {
      if (hmacSecret != null) {
        return new MACSigner(hmacSecret);
      }
      JWK key = signingKey != null ? signingKey : defaultKey();
      if (key instanceof RSAKey rsa) {
        return new RSASSASigner(rsa);
      }
      return new ECDSASigner((ECKey) key);
    }

    private JWK defaultKey() {
      return JWSAlgorithm.Family.EC.contains(algorithm) ? ecKey : rsaKey;
    }

    private String defaultKid() {
      if (hmacSecret != null) {
        return RSA_KID;
      }
      return (signingKey != null ? signingKey : defaultKey()).getKeyID();
    }

    /**
     * The claims as JSON, written here rather than by nimbus's JWTClaimsSet, which would turn a
     * one-element {@code aud} array into a string.
     */
    private Payload payload() {
      Map<String, Object> json = new LinkedHashMap<>();
      claims.forEach(
          (name, value) -> {
            if (!removed.contains(name)) {
              json.put(name, value instanceof Instant instant ? instant.getEpochSecond() : value);
            }
          });
      if (!removed.contains("aud") && audience != null) {
        json.put("aud", audience);
      }
      return new Payload(json);
    }
  }

  /** The RSA public key as PEM text: the "secret" of the classic RS/HS confusion attack. */
  public byte[] rsaPublicKeyPem() {
    try {
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(rsaKey.toRSAPublicKey().getEncoded());
      return ("-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n")
          .getBytes(StandardCharsets.US_ASCII);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
