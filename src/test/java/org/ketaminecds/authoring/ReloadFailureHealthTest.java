package org.ketaminecds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.RulesFolders;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reload that throws (here: a rule file that is not UTF-8, which cannot even be read) does not
 * stop the watcher and is not silent: /admin/rules shows it as failed, health turns DOWN, and the
 * next good save brings both back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.security.require-jwt=false", "cds.rules.settle=100ms"})
@Import(TestClockConfiguration.class)
class ReloadFailureHealthTest {

  static final Path RULES = RulesFolders.temporaryCopyOfRules("failing");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void rulesFolder(DynamicPropertyRegistry registry) {
    registry.add("cds.rules.dir", RULES::toString);
  }

  @Value("${local.server.port}")
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode awaitStatus(Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode status = JSON.readTree(get("/admin/rules").body());
    while (!condition.test(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = JSON.readTree(get("/admin/rules").body());
    }
    return status;
  }

  @Test
  void aReloadThatThrowsTurnsHealthDownAndShowsAtAdminRules() throws Exception {
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    Path unreadable = RULES.resolve("cautions/unreadable.drl");
    Files.write(unreadable, new byte[] {'r', 'u', 'l', 'e', (byte) 0xC3, (byte) 0x28});

    JsonNode failed =
        awaitStatus(s -> s.path("lastAttempt").path("outcome").asString("").equals("failed"));
    assertThat(failed.get("lastAttempt").get("outcome").asString()).isEqualTo("failed");
    assertThat(failed.get("lastAttempt").get("problems").get(0).get("message").asString())
        .contains("UncheckedIOException");
    assertThat(failed.get("watcher").get("state").asString()).isEqualTo("watching");
    assertThat(failed.get("watcher").has("lastChangeSeen")).isTrue();
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"DOWN\"");

    Files.delete(unreadable);
    awaitStatus(s -> s.path("lastAttempt").path("outcome").asString("").equals("live"));
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
  }
}
