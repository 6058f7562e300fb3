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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code cds.security.allow-sandbox=true} is no authentication (the sandbox's private key is
 * public): the start-up log warns as loudly as for {@code require-jwt=false}, and a token of the
 * sandbox's issuer never reaches {@code /admin/**}. The sandbox is configured by hand here with a
 * key this test holds, standing in for the public one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.security.allow-sandbox=true",
      "cds.security.protected-paths=/cds-services/**,/admin/**,/probe/**"
    })
@Import(SecurityProbeController.class)
@ExtendWith(OutputCaptureExtension.class)
class AllowSandboxHttpTest {

  static final TestEhr SANDBOX = new TestEhr(SecurityProperties.SANDBOX.issuer());
  static final TestEhr HOSPITAL = new TestEhr();

  @DynamicPropertySource
  static void theSandboxWithATestKey(DynamicPropertyRegistry registry) {
    SANDBOX.register(registry, 0);
    HOSPITAL.register(registry, 1);
  }

  @LocalServerPort int port;

  @Test
  void warnsAtStartUpAndKeepsSandboxTokensOffAdminPaths(CapturedOutput output) {
    HttpCalls http = new HttpCalls(port);
    String hook = http.url("/probe/echo");
    String admin = http.url("/admin/rules");

    int onAHook =
        http.post("/probe/echo", bearer(SANDBOX.sandboxStyle(hook, SANDBOX.jwksUri()).build()))
            .statusCode();
    var onAdmin =
        http.call(
            "GET",
            "/admin/rules",
            "Authorization",
            bearer(SANDBOX.sandboxStyle(admin, SANDBOX.jwksUri()).build()));

    var hospitalOnAdmin =
        http.call("GET", "/admin/rules", "Authorization", bearer(HOSPITAL.token(admin)));

    assertThat(onAHook).isEqualTo(200);
    assertThat(hospitalOnAdmin.statusCode()).isEqualTo(200);
    assertThat(onAdmin.statusCode()).isEqualTo(401);
    assertThat(onAdmin.body()).isEqualTo(CdsJwtFilter.UNAUTHORIZED_BODY);
    assertThat(output.getAll())
        .contains(
            "WARN",
            "cds.security.allow-sandbox is ON: this is NO authentication.",
            "Never run like this with real patients.");
  }
}
