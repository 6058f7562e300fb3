package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** {@code cds.security.require-jwt=false}: calls go through, and the start-up log says so. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.security.require-jwt=false",
      "cds.security.protected-paths=/cds-services/**,/admin/**,/probe/**"
    })
@Import(SecurityProbeController.class)
@ExtendWith(OutputCaptureExtension.class)
class JwtOffHttpTest {

  @LocalServerPort int port;

  @Test
  void letsACallWithoutATokenThroughAndWarnsAtStartUp(CapturedOutput output) {
    HttpResponse<String> response = new HttpCalls(port).post("/probe/echo", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(SecurityProbeController.BODY);
    assertThat(output.getAll())
        .contains(
            "WARN",
            "JWT authentication is OFF: any caller can read clinical findings."
                + " Never run like this with real patients.");
  }
}
