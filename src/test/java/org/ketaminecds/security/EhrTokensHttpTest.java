package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.security.HttpCalls.bearer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpResponse;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens exactly as real EHRs send them, with a {@code jku} header in every token: an Epic-style
 * client whose keys are configured as an https JWKS (a local TLS server with a test certificate),
 * and a sandbox-style client whose keys are a {@code file:} JWKS. The configured keys are the only
 * keys: an accepted {@code jku} is never fetched, and a foreign one is refused without any request
 * reaching it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.security.protected-paths=/cds-services/**,/admin/**,/probe/**")
@Import(SecurityProbeController.class)
class EhrTokensHttpTest {

  static final String PROBE = "/probe/echo";

  static final TestEhr EPIC = new TestEhr("https://fhir.epic.test.example/interconnect-ehr");
  static final TestEhr SANDBOX = new TestEhr("https://sandbox.test.example");

  /** Keys an attacker controls, served where a token's jku might point. */
  static final RSAKey ATTACKER_RSA = TestEhr.newRsaKey(TestEhr.RSA_KID);

  static final ECKey ATTACKER_EC = TestEhr.newEcKey(TestEhr.EC_KID);

  static final LoopbackTlsJwksServer EPIC_JWKS = new LoopbackTlsJwksServer(EPIC.jwksJson());
  static final LoopbackJwksServer FOREIGN =
      LoopbackJwksServer.serving(TestEhr.jwksJson(ATTACKER_RSA, ATTACKER_EC));
  static final LoopbackJwksServer ALLOWLISTED =
      LoopbackJwksServer.serving(TestEhr.jwksJson(ATTACKER_RSA, ATTACKER_EC));

  static SSLSocketFactory defaultSocketFactory;

  @DynamicPropertySource
  static void trustEpicAndTheSandbox(DynamicPropertyRegistry registry) {
    registry.add("cds.security.clients[0].issuer", EPIC::issuer);
    registry.add("cds.security.clients[0].jwks-uri", EPIC_JWKS::url);
    registry.add("cds.security.clients[0].jku-allowlist[0]", ALLOWLISTED::url);
    SANDBOX.register(registry, 1);
  }

  /** The JVM's https client trusts the test certificate while this class runs. */
  @BeforeAll
  static void trustTheTestCertificate() {
    defaultSocketFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
    HttpsURLConnection.setDefaultSSLSocketFactory(EPIC_JWKS.clientContext().getSocketFactory());
  }

  @AfterAll
  static void restore() {
    HttpsURLConnection.setDefaultSSLSocketFactory(defaultSocketFactory);
    EPIC_JWKS.close();
    FOREIGN.close();
    ALLOWLISTED.close();
  }

  @LocalServerPort int port;

  HttpCalls http;
  String url;

  @BeforeEach
  void client() {
    http = new HttpCalls(port);
    url = http.url(PROBE);
  }

  @Test
  void epicTokensWithTheConfiguredHttpsJwksAsJkuPass() {
    HttpResponse<String> rs384 =
        http.post(PROBE, bearer(EPIC.epicStyle(url, EPIC_JWKS.url()).build()));
    HttpResponse<String> es384 =
        http.post(PROBE, bearer(EPIC.epicStyle(url, EPIC_JWKS.url()).es384().build()));

    assertThat(rs384.statusCode()).isEqualTo(200);
    assertThat(rs384.body()).isEqualTo(SecurityProbeController.BODY + " " + EPIC.issuer());
    assertThat(es384.statusCode()).isEqualTo(200);
    assertThat(EPIC_JWKS.fetches()).as("the keys came over TLS").isPositive();
  }

  @Test
  void discoveryWithAnEpicTokenPasses() {
    String discovery = http.url("/cds-services");
    HttpResponse<String> response =
        http.call(
            "GET",
            "/cds-services",
            "Authorization",
            bearer(EPIC.epicStyle(discovery, EPIC_JWKS.url()).build()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("ketamine-order-sign");
  }

  @Test
  void sandboxTokensWithTheConfiguredFileJwksAsJkuPass() {
    assertThat(
            http.post(PROBE, bearer(SANDBOX.sandboxStyle(url, SANDBOX.jwksUri()).build()))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            http.post(
                    PROBE,
                    bearer(
                        SANDBOX
                            .sandboxStyle(url, SANDBOX.jwksUri())
                            .algorithm(JWSAlgorithm.RS384)
                            .build()))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aForeignJkuIsRefusedWithoutAnyRequestToIt() {
    int before = FOREIGN.requests();

    HttpResponse<String> attackerKey =
        http.post(
            PROBE, bearer(EPIC.epicStyle(url, FOREIGN.url()).signedWith(ATTACKER_RSA).build()));
    HttpResponse<String> ehrKey =
        http.post(PROBE, bearer(EPIC.epicStyle(url, FOREIGN.url()).build()));
    HttpResponse<String> sandboxForeign =
        http.post(
            PROBE,
            bearer(SANDBOX.sandboxStyle(url, FOREIGN.url()).signedWith(ATTACKER_EC).build()));
    HttpResponse<String> otherClientsJwks =
        http.post(PROBE, bearer(SANDBOX.sandboxStyle(url, EPIC_JWKS.url()).build()));

    for (HttpResponse<String> response :
        List.of(attackerKey, ehrKey, sandboxForeign, otherClientsJwks)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo(CdsJwtFilter.UNAUTHORIZED_BODY);
    }
    assertThat(FOREIGN.requests()).as("requests that reached the foreign jku").isEqualTo(before);
  }

  @Test
  void anAllowlistedJkuIsAcceptedButItsKeysAreNeverUsedNorFetched() {
    HttpResponse<String> configuredKey =
        http.post(PROBE, bearer(EPIC.epicStyle(url, ALLOWLISTED.url()).build()));
    HttpResponse<String> keyServedAtTheJku =
        http.post(
            PROBE, bearer(EPIC.epicStyle(url, ALLOWLISTED.url()).signedWith(ATTACKER_RSA).build()));

    assertThat(configuredKey.statusCode()).isEqualTo(200);
    assertThat(keyServedAtTheJku.statusCode()).isEqualTo(401);
    assertThat(ALLOWLISTED.requests()).isZero();
  }
}
