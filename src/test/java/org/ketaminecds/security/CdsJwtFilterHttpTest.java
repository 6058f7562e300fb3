package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.ketaminecds.security.HttpCalls.bearer;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The JWT filter over real HTTP: what CDS Hooks 2.0 says an EHR's token must be, tried against the
 * attacks it is meant to stop, plus CORS.
 *
 * <p>The tables call {@code /probe/echo}, a test-only path added to the protected paths, so they do
 * not depend on what the real {@code /cds-services} controller answers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.security.protected-paths=/cds-services/**,/admin/**,/probe/**",
      "cds.security.cors.allowed-origins=" + CdsJwtFilterHttpTest.BROWSER_EHR_ORIGIN,
      "logging.level.org.ketaminecds.security=DEBUG"
    })
@Import(SecurityProbeController.class)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdsJwtFilterHttpTest {

  static final String BROWSER_EHR_ORIGIN = "https://ehr-app.test.example";
  static final String PROBE = "/probe/echo";

  static final TestEhr EHR = new TestEhr();
  static final TestEhr OTHER_EHR = new TestEhr("https://other-ehr.test.example");

  /** Every credential sent, for the check that none reached the log. */
  static final List<String> CREDENTIALS_SENT = new CopyOnWriteArrayList<>();

  /**
   * The output of every test method so far. OutputCaptureExtension keeps one capture per method and
   * drops it after the method, so the log check collects them here.
   */
  static final StringBuffer OUTPUT_SO_FAR = new StringBuffer();

  @DynamicPropertySource
  static void trustTwoEhrs(DynamicPropertyRegistry registry) {
    EHR.register(registry, 0);
    registry.add("cds.security.clients[0].tenant", () -> TestEhr.TENANT);
    registry.add("cds.security.clients[0].jku-allowlist[0]", EHR::jwksUri);
    OTHER_EHR.register(registry, 1);
  }

  @LocalServerPort int port;

  HttpCalls http;

  @BeforeEach
  void client() {
    http = new HttpCalls(port);
  }

  @AfterEach
  void keepTheOutput(CapturedOutput output) {
    OUTPUT_SO_FAR.append(output.getAll());
  }

  /** Makes the Authorization header of one call; may make calls of its own first. */
  interface Credentials {
    String authorization(Probe probe);
  }

  /** The probe endpoint as a token sees it. */
  record Probe(HttpCalls http) {
    String url() {
      return http.url(PROBE);
    }

    TestEhr.Token token() {
      return EHR.tokenFor(url());
    }

    int send(String authorization) {
      CREDENTIALS_SENT.add(authorization);
      return http.post(PROBE, authorization).statusCode();
    }
  }

  static Named<Credentials> attack(String name, Credentials credentials) {
    return named(name, credentials);
  }

  static Stream<Named<Credentials>> attacks() {
    Instant now = Instant.now();
    return Stream.of(
        attack("no Authorization header", probe -> null),
        attack("not a Bearer token", probe -> "Basic " + base64("ehr:" + UUID.randomUUID())),
        attack("Bearer with nothing after it", probe -> "Bearer "),
        attack("garbage token", probe -> bearer("garbage-" + UUID.randomUUID())),
        attack(
            "three segments of garbage",
            probe -> bearer(base64("{\"alg\":\"RS384\"") + ".e30." + base64("sig"))),
        attack("alg none, unsigned", probe -> bearer(probe.token().buildUnsigned())),
        attack(
            "HS256 signed with the RSA public key as the HMAC secret",
            probe -> bearer(probe.token().hmac(JWSAlgorithm.HS256, EHR.rsaPublicKeyPem()).build())),
        attack(
            "HS384 signed with a secret",
            probe -> bearer(probe.token().hmac(JWSAlgorithm.HS384, randomBytes(48)).build())),
        attack(
            "RS256 with the EHR's own key",
            probe -> bearer(probe.token().algorithm(JWSAlgorithm.RS256).build())),
        attack(
            "PS384 with the EHR's own key",
            probe -> bearer(probe.token().algorithm(JWSAlgorithm.PS384).build())),
        attack(
            "forged: an unknown RSA key under the EHR's kid",
            probe -> bearer(probe.token().signedWith(TestEhr.newRsaKey(TestEhr.RSA_KID)).build())),
        attack(
            "forged: an unknown EC key under the EHR's kid",
            probe ->
                bearer(probe.token().es384().signedWith(TestEhr.newEcKey(TestEhr.EC_KID)).build())),
        attack(
            "unknown kid",
            probe -> bearer(probe.token().signedWith(TestEhr.newRsaKey("unknown-kid")).build())),
        attack("no kid", probe -> bearer(probe.token().kid(null).build())),
        attack(
            "ES384 header with the kid of the RSA key",
            probe -> bearer(probe.token().es384().kid(TestEhr.RSA_KID).build())),
        attack(
            "expired beyond the clock skew",
            probe ->
                bearer(
                    probe
                        .token()
                        .issuedAt(now.minusSeconds(240))
                        .expiresAt(now.minusSeconds(120))
                        .build())),
        attack(
            "iat in the future beyond the clock skew",
            probe ->
                bearer(
                    probe
                        .token()
                        .issuedAt(now.plusSeconds(180))
                        .expiresAt(now.plusSeconds(240))
                        .build())),
        attack(
            "lifetime over the maximum (6 minutes)",
            probe -> bearer(probe.token().issuedAt(now).expiresAt(now.plusSeconds(360)).build())),
        attack("no exp", probe -> bearer(probe.token().without("exp").build())),
        attack("no iat", probe -> bearer(probe.token().without("iat").build())),
        attack("no jti", probe -> bearer(probe.token().without("jti").build())),
        attack(
            "replayed token (second use)",
            probe -> {
              String replayed = bearer(probe.token().build());
              assertThat(probe.send(replayed)).as("first use").isEqualTo(200);
              return replayed;
            }),
        attack(
            "replayed jti in a new token",
            probe -> {
              String jti = UUID.randomUUID().toString();
              assertThat(probe.send(bearer(probe.token().jwtId(jti).build())))
                  .as("first use")
                  .isEqualTo(200);
              return bearer(probe.token().jwtId(jti).issuedAt(now.minusSeconds(1)).build());
            }),
        attack(
            "wrong aud",
            probe -> bearer(EHR.tokenFor("https://cds.other-vendor.test.example" + PROBE).build())),
        attack(
            "aud of another service URL on this server",
            probe ->
                bearer(EHR.tokenFor(probe.http().url("/cds-services/another-service")).build())),
        attack(
            "aud as an array without the URL",
            probe ->
                bearer(
                    probe
                        .token()
                        .audiences("https://a.test.example/cds-services", probe.url() + "/x")
                        .build())),
        attack("no aud", probe -> bearer(probe.token().without("aud").build())),
        attack(
            "iss not configured",
            probe -> bearer(probe.token().issuer("https://evil.test.example").build())),
        attack(
            "wrong iss: another configured EHR's, signed with this EHR's key",
            probe -> bearer(probe.token().issuer(OTHER_EHR.issuer()).build())),
        attack("no iss", probe -> bearer(probe.token().without("iss").build())),
        attack(
            "jku of an attacker, not on the allowlist",
            probe -> bearer(probe.token().jku("https://attacker.test.example/jwks.json").build())),
        attack(
            "jku of another EHR's JWKS, signed by that EHR, claiming this EHR's iss",
            probe ->
                bearer(
                    OTHER_EHR
                        .tokenFor(probe.url())
                        .issuer(EHR.issuer())
                        .jku(OTHER_EHR.jwksUri())
                        .build())),
        attack("tenant mismatch", probe -> bearer(probe.token().tenant("other-tenant").build())),
        attack("no tenant", probe -> bearer(probe.token().without("tenant").build())));
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusesWith401AndNoDetail(Credentials attack, CapturedOutput output) {
    Probe probe = new Probe(http);
    String authorization = attack.authorization(probe);
    CREDENTIALS_SENT.add(String.valueOf(authorization));

    HttpResponse<String> response = http.post(PROBE, authorization);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(CdsJwtFilter.UNAUTHORIZED_BODY);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(output.getAll()).contains("JWT refused: ");
  }

  static Stream<Named<Credentials>> validCredentials() {
    Instant now = Instant.now();
    return Stream.of(
        named("RS384", probe -> bearer(probe.token().build())),
        named("ES384", probe -> bearer(probe.token().es384().build())),
        named(
            "aud as an array holding the URL",
            probe ->
                bearer(
                    probe
                        .token()
                        .audiences("https://a.test.example/cds-services", probe.url())
                        .build())),
        named(
            "aud as a one-element array",
            probe -> bearer(probe.token().audiences(probe.url()).build())),
        named(
            "a second token with a new jti",
            probe -> {
              assertThat(probe.send(bearer(probe.token().build())))
                  .as("first token")
                  .isEqualTo(200);
              return bearer(probe.token().build());
            }),
        named(
            "expired, but within the clock skew",
            probe ->
                bearer(
                    probe
                        .token()
                        .issuedAt(now.minusSeconds(120))
                        .expiresAt(now.minusSeconds(20))
                        .build())),
        named(
            "iat ahead, within the clock skew",
            probe ->
                bearer(
                    probe
                        .token()
                        .issuedAt(now.plusSeconds(20))
                        .expiresAt(now.plusSeconds(120))
                        .build())),
        named(
            "lifetime of exactly the maximum",
            probe -> bearer(probe.token().issuedAt(now).expiresAt(now.plusSeconds(300)).build())),
        named(
            "jku on the client's allowlist",
            probe -> bearer(probe.token().jku(EHR.jwksUri()).build())),
        named("scheme written \"bearer\"", probe -> "bearer " + probe.token().build()));
  }

  @Order(2)
  @ParameterizedTest(name = "{0}")
  @MethodSource("validCredentials")
  void accepts(Credentials valid) {
    Probe probe = new Probe(http);
    String authorization = valid.authorization(probe);
    CREDENTIALS_SENT.add(authorization);

    HttpResponse<String> response = http.post(PROBE, authorization);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(SecurityProbeController.BODY + " " + TestEhr.ISSUER);
  }

  @Order(3)
  @Test
  void acceptsTheOtherConfiguredEhrWithItsOwnKeys() {
    String url = http.url(PROBE);
    HttpResponse<String> response = http.post(PROBE, bearer(OTHER_EHR.token(url)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).endsWith(OTHER_EHR.issuer());
  }

  @Order(3)
  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /cds-services",
        "POST /cds-services/ketamine-eligibility",
        "POST /cds-services/ketamine-eligibility/feedback",
        "POST /cds-services/security-probe",
        "GET /cds-services/security-probe",
        "GET /admin/anything",
        "POST /admin/rules/reload"
      })
  void protectsTheServiceAndAdminPaths(String call) {
    String[] methodAndPath = call.split(" ");
    String method = methodAndPath[0];
    String path = methodAndPath[1];

    HttpResponse<String> refused = http.call(method, path);
    HttpResponse<String> accepted =
        http.call(method, path, "Authorization", bearer(EHR.token(http.url(path))));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).isEqualTo(CdsJwtFilter.UNAUTHORIZED_BODY);
    // What answers past the filter is another package's business (404 here for paths it lacks).
    assertThat(accepted.statusCode()).isNotEqualTo(401);
  }

  @Order(3)
  @Test
  void theTestProbeUnderCdsServicesAnswersWithAToken() {
    String path = "/cds-services/security-probe";
    HttpResponse<String> response = http.post(path, bearer(EHR.token(http.url(path))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(SecurityProbeController.BODY + " " + TestEhr.ISSUER);
  }

  @Order(3)
  @Test
  void leavesHealthAndInfoOpen() {
    assertThat(http.call("GET", "/actuator/health").statusCode()).isEqualTo(200);
    // Info is not exposed over HTTP by default (404), but the filter does not stand in its way.
    assertThat(http.call("GET", "/actuator/info").statusCode()).isNotEqualTo(401);
  }

  /** Spellings of a protected path that a container or Spring MVC may still route to it. */
  @Order(3)
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/PROBE/echo",
        "/Probe/Echo",
        "/probe;x=1/echo",
        "/probe/echo;jsessionid=abc",
        "//probe/echo",
        "/probe//echo",
        "/probe/./echo",
        "/elsewhere/../probe/echo",
        "/probe/%65cho",
        "/%70robe/echo",
        "/CDS-SERVICES/security-probe",
        "/cds-services;a=b/security-probe"
      })
  void pathSpellingsDoNotWalkAroundTheFilter(String path) {
    HttpResponse<String> response = http.call("POST", path);

    assertThat(response.statusCode()).isNotEqualTo(200);
    assertThat(response.body()).doesNotContain(SecurityProbeController.BODY);
  }

  @Order(3)
  @Test
  void twoAuthorizationHeadersAreRefused() {
    String url = http.url(PROBE);
    HttpResponse<String> response =
        http.call(
            "POST",
            PROBE,
            "Authorization",
            bearer(EHR.token(url)),
            "Authorization",
            bearer(EHR.token(url)));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  /** Without server.forward-headers-strategy, X-Forwarded-* cannot change the audience. */
  @Order(3)
  @Test
  void forwardedHostDoesNotChangeTheAudience() {
    String forgedUrl = "http://cds.other-vendor.test.example" + PROBE;

    HttpResponse<String> tokenForForgedHost =
        http.call(
            "POST",
            PROBE,
            "Authorization",
            bearer(EHR.token(forgedUrl)),
            "X-Forwarded-Host",
            "cds.other-vendor.test.example",
            "X-Forwarded-Proto",
            "http");
    HttpResponse<String> tokenForRealUrl =
        http.call(
            "POST",
            PROBE,
            "Authorization",
            bearer(EHR.token(http.url(PROBE))),
            "X-Forwarded-Host",
            "cds.other-vendor.test.example");

    assertThat(tokenForForgedHost.statusCode()).isEqualTo(401);
    assertThat(tokenForRealUrl.statusCode()).isEqualTo(200);
  }

  @Order(3)
  @ParameterizedTest
  @ValueSource(strings = {PROBE, "/cds-services/ketamine-eligibility", "/cds-services"})
  void answersAPreflightWithoutAToken(String path) {
    HttpResponse<String> response =
        http.call(
            "OPTIONS",
            path,
            "Origin",
            BROWSER_EHR_ORIGIN,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization, content-type");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(BROWSER_EHR_ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("GET", "POST", "OPTIONS");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .containsIgnoringCase("Authorization")
        .containsIgnoringCase("Content-Type");
    assertThat(response.headers().firstValue("Access-Control-Max-Age"))
        .hasValue(String.valueOf(Duration.ofMinutes(30).toSeconds()));
  }

  @Order(3)
  @Test
  void refusesAPreflightFromAnOriginNotAllowed() {
    HttpResponse<String> response =
        http.call(
            "OPTIONS",
            PROBE,
            "Origin",
            "https://evil.test.example",
            "Access-Control-Request-Method",
            "POST");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Order(3)
  @Test
  void a401CarriesTheCorsHeaderForTheBrowserToReadIt() {
    HttpResponse<String> refused = http.call("POST", PROBE, "Origin", BROWSER_EHR_ORIGIN);
    HttpResponse<String> accepted =
        http.call(
            "POST",
            PROBE,
            "Origin",
            BROWSER_EHR_ORIGIN,
            "Authorization",
            bearer(EHR.token(http.url(PROBE))));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(BROWSER_EHR_ORIGIN);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(BROWSER_EHR_ORIGIN);
  }

  /** Runs last, over the output of every test above. */
  @Order(Integer.MAX_VALUE)
  @Test
  void theLogHoldsNoTokenNorAnyPartOfOne() {
    String log = OUTPUT_SO_FAR.toString();

    assertThat(CREDENTIALS_SENT).hasSizeGreaterThan(30);
    assertThat(log).contains("JWT refused: ").contains("JWT accepted: ");
    for (String credential : CREDENTIALS_SENT) {
      String token = credential.replaceFirst("^(?i)(Bearer|Basic) ", "");
      if (token.length() >= 16) {
        assertThat(log).doesNotContain(token);
      }
      for (String part : token.split("\\.")) {
        if (part.length() >= 16) {
          assertThat(log).doesNotContain(part);
        }
      }
    }
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
