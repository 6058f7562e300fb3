package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.security.HttpCalls.bearer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** JWT required and no client configured: the service starts, warns, and refuses every call. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.security.protected-paths=/cds-services/**,/admin/**,/probe/**")
@Import(SecurityProbeController.class)
@ExtendWith(OutputCaptureExtension.class)
class NoClientsHttpTest {

  @LocalServerPort int port;

  @Test
  void startsAndRefusesEveryCall(CapturedOutput output) {
    HttpCalls http = new HttpCalls(port);
    String wellFormedButUntrusted = new TestEhr().token(http.url("/probe/echo"));

    assertThat(http.post("/probe/echo", bearer(wellFormedButUntrusted)).statusCode())
        .isEqualTo(401);
    assertThat(http.post("/probe/echo", null).statusCode()).isEqualTo(401);
    assertThat(http.call("GET", "/actuator/health").statusCode()).isEqualTo(200);
    assertThat(output.getAll())
        .contains("JWT authentication is on but no client is configured (cds.security.clients)");
  }
}
