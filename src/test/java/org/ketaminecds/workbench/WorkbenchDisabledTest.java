package org.ketaminecds.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Without {@code cds.workbench.enabled}, nothing of the workbench is served: not even its files.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.security.require-jwt=false")
@Import(TestClockConfiguration.class)
class WorkbenchDisabledTest {

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;

  WorkbenchCalls calls;

  @BeforeEach
  void client() {
    calls = new WorkbenchCalls(port);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/workbench",
        "/workbench/",
        "/workbench/index.html",
        "/workbench/workbench.js",
        "/workbench/workbench.css",
        "/workbench/api/scenarios",
        "/workbench/api/scenarios/trd-candidate-two-adequate-trials"
      })
  void everyWorkbenchPathIsNotFound(String path) {
    HttpResponse<String> response = calls.get(path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(WorkbenchCalls.json(response).get("resourceType").asString())
        .isEqualTo("OperationOutcome");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"scenario\": \"trd-candidate-two-adequate-trials\"}", "{}"})
  void evaluatingIsNotFound(String body) {
    assertThat(calls.post("/workbench/api/evaluate", body).statusCode()).isEqualTo(404);
  }

  @Test
  void theWorkbenchEndpointsDoNotExistAndTheHookServicesAreServedAsAlways() {
    assertThat(context.getBeansOfType(WorkbenchController.class)).isEmpty();
    assertThat(calls.get("/cds-services").statusCode()).isEqualTo(200);
  }
}
