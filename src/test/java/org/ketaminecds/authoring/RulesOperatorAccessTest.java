package org.ketaminecds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With the JWT check on, {@code /admin/rules} needs an EHR's token, and operators read the same
 * status on the management port, which EHRs do not reach.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.security.require-jwt=true",
      "management.server.port=0",
      "management.endpoints.web.exposure.include=health,rules"
    })
class RulesOperatorAccessTest {

  @Value("${local.server.port}")
  int port;

  @Value("${local.management.port}")
  int managementPort;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(int onPort, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void operatorsReadTheRulesStatusOnTheManagementPortOnly() throws Exception {
    assertThat(get(port, "/admin/rules").statusCode()).isEqualTo(401);

    HttpResponse<String> status = get(managementPort, "/actuator/rules");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("\"live\"").contains("\"version\"").contains("\"watcher\"");

    HttpResponse<String> health = get(managementPort, "/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"UP\"");
  }
}
