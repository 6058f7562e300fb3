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
 * The live rules folder: a broken change leaves the service answering with the last good rules and
 * the admin endpoint names the file and line; a good change is live within seconds.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.security.require-jwt=false", "cds.rules.settle=100ms"})
@Import(TestClockConfiguration.class)
class LiveReloadTest {

  static final Path RULES = RulesFolders.temporaryCopyOfRules("live-rules");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void rulesFolder(DynamicPropertyRegistry registry) {
    registry.add("cds.rules.dir", RULES::toString);
  }

  @Value("${local.server.port}")
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> callEligibility() throws Exception {
    String request =
        Files.readString(Path.of("cds-hooks/examples/patient-view-trd-candidate.request.json"));
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/cds-services/ketamine-eligibility"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode adminStatus() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/rules")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Polls (bounded) until the admin status satisfies the condition. */
  JsonNode awaitStatus(Predicate<JsonNode> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode status = adminStatus();
    while (!condition.test(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      status = adminStatus();
    }
    return status;
  }

  @Test
  void aBrokenChangeIsRejectedAndAGoodOneGoesLive() throws Exception {
    String liveVersion = adminStatus().get("live").get("version").asString();
    assertThat(callEligibility().headers().firstValue("X-Ruleset-Version")).hasValue(liveVersion);

    // An author saves a DRL file with a syntax error.
    Path dementia = RULES.resolve("cautions/ci-dementia.drl");
    String good = Files.readString(dementia);
    Files.writeString(dementia, good.replace("active )", "active "));

    JsonNode rejected =
        awaitStatus(s -> s.path("lastAttempt").path("outcome").asString("").equals("rejected"));
    assertThat(rejected.get("lastAttempt").get("outcome").asString()).isEqualTo("rejected");
    JsonNode problem = rejected.get("lastAttempt").get("problems").get(0);
    assertThat(problem.get("file").asString()).isEqualTo("cautions/ci-dementia.drl");
    // The same plain words as the rules check, at the line of the parenthesis left open.
    assertThat(problem.get("line").asInt()).isEqualTo(14);
    assertThat(problem.get("message").asString())
        .isEqualTo("the '(' opened here is never closed: a ')' is missing");
    assertThat(rejected.get("live").get("version").asString()).isEqualTo(liveVersion);
    HttpResponse<String> stillAnswering = callEligibility();
    assertThat(stillAnswering.statusCode()).isEqualTo(200);
    assertThat(stillAnswering.headers().firstValue("X-Ruleset-Version")).hasValue(liveVersion);

    // The author fixes it and rewords a card: the new rules go live.
    Files.writeString(dementia, good);
    RulesFolders.replace(
        RULES.resolve("trd/trd-criteria-met.card.yaml"),
        "summary: \"Meets TRD criteria:",
        "summary: \"Meets the TRD criteria:");

    JsonNode live =
        awaitStatus(
            s ->
                s.path("lastAttempt").path("outcome").asString("").equals("live")
                    && !s.path("live").path("version").asString("").equals(liveVersion));
    String newVersion = live.get("live").get("version").asString();
    assertThat(newVersion).isNotEqualTo(liveVersion);
    HttpResponse<String> answer = callEligibility();
    assertThat(answer.headers().firstValue("X-Ruleset-Version")).hasValue(newVersion);
    assertThat(answer.body()).contains("Meets the TRD criteria:");
  }
}
