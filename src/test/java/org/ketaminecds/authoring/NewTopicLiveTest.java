package org.ketaminecds.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * A rule author adds a caution topic to a running service with files only: a code list, one line of
 * the value-set catalogue, a rule, a card and a scenario. No Java, no Maven, no restart. Saved in
 * the wrong order, the half-saved change is held back with plain reasons; complete, it goes live
 * with its value set and shows in the card-topic CodeSystem.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.security.require-jwt=false", "cds.rules.settle=100ms"})
@Import(TestClockConfiguration.class)
class NewTopicLiveTest {

  static final Path RULES;
  static final Path VALUE_SETS;
  static final Path FIXTURE = Path.of("src/test/resources/new-topic");
  static final JsonMapper JSON = JsonMapper.builder().build();

  static {
    try {
      Path root = Files.createTempDirectory("new-topic");
      RULES = RulesFolders.copyOfRules(root.resolve("rules"));
      VALUE_SETS = RulesFolders.copyOfValueSets(root.resolve("fhir-profiles"));
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void folders(DynamicPropertyRegistry registry) {
    registry.add("cds.rules.dir", RULES::toString);
    registry.add("cds.rules.value-sets", VALUE_SETS::toString);
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

  /** The quick-start TRD candidate, with an active glaucoma Condition added to the prefetch. */
  HttpResponse<String> callWithGlaucoma() throws Exception {
    JsonNode request =
        JSON.readTree(
            Files.readString(
                Path.of("cds-hooks/examples/patient-view-trd-candidate.request.json")));
    ObjectNode condition =
        (ObjectNode)
            JSON.readTree(
                """
                {"fullUrl": "http://ehr.example.org/fhir/Condition/glaucoma",
                 "resource": {"resourceType": "Condition", "id": "glaucoma",
                  "clinicalStatus": {"coding": [{"system":
                    "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "23986001",
                    "display": "Glaucoma (disorder)"}]},
                  "subject": {"reference": "Patient/example-trd"},
                  "onsetDateTime": "2025-01-10"}}
                """);
    ((tools.jackson.databind.node.ArrayNode) request.get("prefetch").get("conditions").get("entry"))
        .add(condition);
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/cds-services/ketamine-eligibility"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aNewCautionGoesLiveWithItsValueSetAndShowsInTheCodeSystem() throws Exception {
    String before = awaitStatus(s -> s.has("live")).get("live").get("version").asString();
    assertThat(callWithGlaucoma().body()).doesNotContain("ci-glaucoma");

    // Rule and card saved first: no value set 'glaucoma' yet, no scenario yet. Held back.
    Files.copy(FIXTURE.resolve("ci-glaucoma.drl"), RULES.resolve("cautions/ci-glaucoma.drl"));
    Files.copy(
        FIXTURE.resolve("ci-glaucoma.card.yaml"), RULES.resolve("cautions/ci-glaucoma.card.yaml"));
    JsonNode rejected =
        awaitStatus(s -> s.path("lastAttempt").path("outcome").asString("").equals("rejected"));
    String problems = rejected.get("lastAttempt").get("problems").toString();
    assertThat(problems)
        .contains(
            "'glaucoma' is not a value set; known: dementia, arrhythmia, delivery, hcg-test,"
                + " lactation (and "
                + otherValueSets()
                + " more in fhir-profiles/value-sets.yaml)")
        .contains(
            "the topic ci-glaucoma has no scenario that expects its card; add one to scenarios/"
                + " (the topic's rule, card and scenario go live together)");
    assertThat(rejected.get("live").get("version").asString()).isEqualTo(before);

    // The code list, its one catalogue line and the scenario: the topic goes live.
    Files.copy(FIXTURE.resolve("glaucoma.csv"), VALUE_SETS.resolve("code-lists/glaucoma.csv"));
    Files.writeString(
        VALUE_SETS.resolve("value-sets.yaml"),
        "glaucoma: {file: glaucoma.csv, title: Glaucoma, purpose: \"Glaucoma (test topic).\"}\n",
        StandardOpenOption.APPEND);
    Files.copy(
        FIXTURE.resolve("glaucoma-active-shows-on-patient-view.json"),
        RULES.resolve("scenarios/glaucoma-active-shows-on-patient-view.json"));
    JsonNode live =
        awaitStatus(
            s ->
                s.path("lastAttempt").path("outcome").asString("").equals("live")
                    && !s.path("live").path("version").asString("").equals(before));
    assertThat(live.get("lastAttempt").get("outcome").asString())
        .as(live.toString())
        .isEqualTo("live");

    HttpResponse<String> answer = callWithGlaucoma();
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"code\":\"ci-glaucoma\"");
    String codeSystem = get("/admin/rules/card-topics").body();
    assertThat(codeSystem)
        .contains("\"code\": \"ci-glaucoma\"")
        .contains("\"display\": \"Glaucoma\"")
        .contains("Active glaucoma (a test topic of NewTopicLiveTest).");
  }

  /** The value sets the message does not name: all of the released catalogue but the five shown. */
  private static int otherValueSets() {
    return org.ketaminecds.terminology.TerminologyTables.released().valueSetIds().size() - 5;
  }
}
