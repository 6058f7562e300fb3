package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ketaminecds.security.HttpCalls.bearer;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An EHR rotates its signing key: its JWKS, served over HTTP, gains key B. A token signed with B is
 * refused while the JWKS lacks B (the unknown kid makes one refresh, and no more than the rate
 * limit allows), and accepted once the JWKS has it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.security.protected-paths=/probe/**",
      "cds.security.jwks-refresh-min-interval="
          + JwksRotationHttpTest.REFRESH_INTERVAL_MILLIS
          + "ms"
    })
@Import(SecurityProbeController.class)
class JwksRotationHttpTest {

  static final long REFRESH_INTERVAL_MILLIS = 1000;

  static final TestEhr EHR = new TestEhr();
  static final RSAKey KEY_B = TestEhr.newRsaKey("rotated-key-b");
  static final LoopbackJwksServer JWKS_ENDPOINT =
      LoopbackJwksServer.serving(TestEhr.jwksJson(EHR.rsaKey()));

  @DynamicPropertySource
  static void trustTheEhrThroughItsJwksEndpoint(DynamicPropertyRegistry registry) {
    registry.add("cds.security.clients[0].issuer", EHR::issuer);
    registry.add("cds.security.clients[0].jwks-uri", JWKS_ENDPOINT::url);
  }

  @AfterAll
  static void stopTheJwksEndpoint() {
    JWKS_ENDPOINT.close();
  }

  @LocalServerPort int port;

  @Test
  void aTokenSignedWithANewKeyIsAcceptedOnceTheJwksHasIt() {
    HttpCalls http = new HttpCalls(port);
    String url = http.url("/probe/echo");

    assertThat(http.post("/probe/echo", bearer(EHR.token(url))).statusCode())
        .as("key A, first fetch")
        .isEqualTo(200);
    assertThat(JWKS_ENDPOINT.fetches()).isEqualTo(1);

    assertThat(http.post("/probe/echo", bearer(tokenSignedWithB(url))).statusCode())
        .as("key B before the JWKS has it")
        .isEqualTo(401);
    assertThat(JWKS_ENDPOINT.fetches()).as("one refresh for the unknown kid").isEqualTo(2);

    int fetchesBefore = JWKS_ENDPOINT.fetches();
    long start = System.nanoTime();
    for (int i = 0; i < 10; i++) {
      assertThat(http.post("/probe/echo", bearer(tokenSignedWithB(url))).statusCode())
          .isEqualTo(401);
    }
    long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    // nimbus lets two fetches through per interval.
    long allowed = 2 * (1 + elapsedMillis / REFRESH_INTERVAL_MILLIS);
    assertThat(JWKS_ENDPOINT.fetches() - fetchesBefore)
        .as("fetches for 10 unknown-kid calls in %d ms", elapsedMillis)
        .isLessThanOrEqualTo((int) allowed);

    JWKS_ENDPOINT.serve(TestEhr.jwksJson(EHR.rsaKey(), KEY_B));

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> http.post("/probe/echo", bearer(tokenSignedWithB(url))).statusCode() == 200);
    assertThat(http.post("/probe/echo", bearer(EHR.token(url))).statusCode())
        .as("key A, still in the JWKS")
        .isEqualTo(200);
  }

  private static String tokenSignedWithB(String url) {
    return EHR.tokenFor(url).signedWith(KEY_B).build();
  }
}
