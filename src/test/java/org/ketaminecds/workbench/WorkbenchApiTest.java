package org.ketaminecds.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.support.CardsContract;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The workbench API over real HTTP, with the service on a random port and the workbench on. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.security.require-jwt=false", "cds.workbench.enabled=true"})
@Import(TestClockConfiguration.class)
class WorkbenchApiTest {

  static final String TRD_RULE = "Card trd-criteria-met: the patient meets the TRD criteria";

  @Value("${local.server.port}")
  int port;

  WorkbenchCalls calls;

  @BeforeEach
  void client() {
    calls = new WorkbenchCalls(port);
  }

  @Test
  void theScenariosOfTheLiveRuleSetAreListedWithTheirTitles() {
    HttpResponse<String> response = calls.get("/workbench/api/scenarios");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode trd = null;
    for (JsonNode scenario : WorkbenchCalls.json(response)) {
      if (scenario.get("name").asString().equals(TestBundles.TRD_SCENARIO)) {
        trd = scenario;
      }
    }
    assertThat(trd).as("the TRD scenario is listed").isNotNull();
    assertThat(trd.get("title").asString()).startsWith("TRD candidate: two adequate trials");
    assertThat(trd.get("hook").asString()).isEqualTo("patient-view");
    assertThat(trd.get("asOf").asString()).isEqualTo("2026-06-01");
  }

  @Test
  void aScenarioIsServedAsItsJson() {
    HttpResponse<String> response =
        calls.get("/workbench/api/scenarios/" + TestBundles.TRD_SCENARIO);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(WorkbenchCalls.json(response).get("resources")).hasSize(5);
  }

  @Test
  void anUnknownScenarioIsNotFound() {
    HttpResponse<String> response = calls.get("/workbench/api/scenarios/no-such-scenario");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(diagnostics(response)).contains("no-such-scenario");
  }

  @Test
  void evaluatingAScenarioGivesItsCardsAndNoFailures() {
    ObjectNode request = WorkbenchCalls.JSON.createObjectNode();
    request.put("scenario", TestBundles.TRD_SCENARIO);

    HttpResponse<String> response = calls.evaluate(request);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = WorkbenchCalls.json(response);
    CardsContract.check(body);
    assertThat(body.get("ruleSetVersion").asString()).matches("[0-9a-f]{12}");
    assertThat(body.get("hook").asString()).isEqualTo("patient-view");
    assertThat(body.get("asOf").asString()).isEqualTo("2026-06-01");
    assertThat(body.get("cards")).hasSize(1);
    assertThat(topic(body.get("cards").get(0))).isEqualTo("trd-criteria-met");
    assertThat(body.get("failures").isArray()).isTrue();
    assertThat(body.get("failures")).isEmpty();
    assertThat(body.get("expected").get("cards").get("trd-criteria-met").asString())
        .isEqualTo("info");
    assertThat(body.get("expected").get("detailContains").get("trd-criteria-met")).isNotEmpty();
    assertThat(body.get("scenario").get("title").asString()).startsWith("TRD candidate");
    assertThat(texts(body.get("firedRules"))).contains(TRD_RULE);
  }

  @Autowired ActiveRuleSet activeRules;

  @Test
  void theCardTopicOfEachRuleIsReadFromItsTopicMetadata() {
    var topics = RetractedConclusions.topicsOf(activeRules.current().kieBase());

    assertThat(topics)
        .containsEntry(TRD_RULE, "trd-criteria-met")
        .containsEntry("Dementia, active", "ci-dementia");
  }

  @Test
  void aPastedTrdCandidateGetsTheTrdCardWithTheRulesThatFiredAndTheirFacts() {
    HttpResponse<String> response =
        calls.evaluate(
            TestBundles.request("patient-view", "2026-06-01", TestBundles.trdCandidate()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = WorkbenchCalls.json(response);
    CardsContract.check(body);
    assertThat(body.get("cards")).hasSize(1);
    JsonNode card = body.get("cards").get(0);
    assertThat(topic(card)).isEqualTo("trd-criteria-met");
    assertThat(card.get("indicator").asString()).isEqualTo("info");
    assertThat(card.get("detail").asString()).contains("**sertraline**", "**venlafaxine**");
    assertThat(texts(body.get("firedRules"))).contains(TRD_RULE);
    // Every card rule that fired still has its finding at the end: none is marked retracted.
    assertThat(body.get("retractedRules").isArray()).isTrue();
    assertThat(texts(body.get("retractedRules"))).doesNotContain(TRD_RULE);
    List<String> factTypes = new ArrayList<>();
    body.get("facts").forEach(fact -> factTypes.add(fact.get("type").asString()));
    assertThat(factTypes).contains("Diagnosis", "MedicationTrial", "TreatmentResistance");
    // Facts in words: fields by name in words, ISO dates, yes/no; no Java record toString.
    assertThat(body.get("facts").toString())
        .contains("condition id mdd", "ingredient sertraline", "active yes")
        .containsPattern("start \\d{4}-\\d{2}-\\d{2}")
        .doesNotContain("conditionId=", "Diagnosis[");
    List<String> reference = new ArrayList<>();
    body.get("facts")
        .forEach(
            fact -> {
              if (fact.get("reference").asBoolean()) {
                reference.add(fact.get("type").asString());
              }
            });
    assertThat(reference).contains("Parameters", "MinimumDose").doesNotContain("Diagnosis");
    assertThat(body.has("expected")).isFalse();
    assertThat(body.has("failures")).isFalse();
  }

  @Test
  void theBundleMayBeSentAsTheTextOfTheEditor() {
    ObjectNode request = TestBundles.request("patient-view", "2026-06-01", null);
    request.put("bundle", TestBundles.trdCandidate().toPrettyString());

    HttpResponse<String> response = calls.evaluate(request);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(topic(WorkbenchCalls.json(response).get("cards").get(0)))
        .isEqualTo("trd-criteria-met");
  }

  @Test
  void withoutADateTheCallIsMadeToday() {
    ObjectNode request = TestBundles.request("patient-view", null, TestBundles.trdCandidate());
    request.remove("asOf");

    HttpResponse<String> response = calls.evaluate(request);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(WorkbenchCalls.json(response).get("asOf").asString())
        .isEqualTo(TestClockConfiguration.DEFAULT_TODAY.toString());
  }

  @Test
  void theDateOfTheCallCountsForTheRules() {
    // Brief rev. 2: the day of the call bounds the chart. As of 1999-01-01 every trial of the
    // candidate starts later, so none is a trial yet and the patient is no candidate; as of
    // 2026-06-01 the same chart meets the criteria.
    HttpResponse<String> before =
        calls.evaluate(
            TestBundles.request("patient-view", "1999-01-01", TestBundles.trdCandidate()));
    HttpResponse<String> after =
        calls.evaluate(
            TestBundles.request("patient-view", "2026-06-01", TestBundles.trdCandidate()));

    assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
    JsonNode body = WorkbenchCalls.json(before);
    assertThat(body.get("asOf").asString()).isEqualTo("1999-01-01");
    assertThat(body.get("cards")).isEmpty();
    List<String> topics = new ArrayList<>();
    WorkbenchCalls.json(after).get("cards").forEach(card -> topics.add(topic(card)));
    assertThat(topics).contains("trd-criteria-met");
  }

  @Test
  void aPastedEsketamineOrderOnSigningWithAnAneurysmGetsTheCriticalCardWithItsSuggestion() {
    HttpResponse<String> response =
        calls.evaluate(
            TestBundles.request(
                "order-sign", "2026-06-01", TestBundles.esketamineOrderWithAneurysm()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = WorkbenchCalls.json(response);
    CardsContract.check(body);
    JsonNode card = body.get("cards").get(0);
    assertThat(topic(card)).isEqualTo("ci-vascular-aneurysm-or-avm");
    assertThat(card.get("indicator").asString()).isEqualTo("critical");
    JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
    assertThat(action.get("resourceId").asString()).isEqualTo("MedicationRequest/esketamine-draft");
    assertThat(card.get("overrideReasons")).isNotEmpty();
  }

  @Test
  void onPatientViewDraftOrdersAreLeftOutWithANote() {
    HttpResponse<String> response =
        calls.evaluate(
            TestBundles.request(
                "patient-view", "2026-06-01", TestBundles.esketamineOrderWithAneurysm()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(texts(WorkbenchCalls.json(response).get("notes")))
        .anySatisfy(note -> assertThat(note).contains("MedicationRequest"));
  }

  @Test
  void anOrderHookWithoutAKetamineOrderAnswersNoCardsAndSaysWhy() {
    HttpResponse<String> response =
        calls.evaluate(
            TestBundles.request("order-select", "2026-06-01", TestBundles.trdCandidate()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = WorkbenchCalls.json(response);
    assertThat(body.get("cards")).isEmpty();
    assertThat(body.get("firedRules")).isEmpty();
    assertThat(texts(body.get("notes")))
        .anySatisfy(
            note -> assertThat(note).contains("No psychiatric ketamine or esketamine draft order"));
  }

  @Test
  void resourcesTheRulesDoNotReadAreLeftOutWithANote() {
    ObjectNode bundle = TestBundles.trdCandidate();
    ObjectNode encounter =
        ((tools.jackson.databind.node.ArrayNode) bundle.get("entry"))
            .addObject()
            .putObject("resource");
    encounter.put("resourceType", "Encounter");
    encounter.put("status", "finished");

    HttpResponse<String> response =
        calls.evaluate(TestBundles.request("patient-view", "2026-06-01", bundle));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = WorkbenchCalls.json(response);
    assertThat(topic(body.get("cards").get(0))).isEqualTo("trd-criteria-met");
    assertThat(texts(body.get("notes"))).contains("Left out 1 × Encounter: not read by the rules");
  }

  static Stream<Arguments> badRequests() {
    String bundle = TestBundles.trdCandidate().toString();
    return Stream.of(
        Arguments.of("not JSON", "{\"hook\": ", "not valid JSON"),
        Arguments.of("an empty body", "", "JSON object"),
        Arguments.of("a JSON array", "[1, 2]", "JSON object"),
        Arguments.of("nothing to evaluate", "{\"hook\": \"patient-view\"}", "scenario name or"),
        Arguments.of(
            "an unknown hook",
            "{\"hook\": \"encounter-start\", \"asOf\": \"2026-06-01\", \"bundle\": " + bundle + "}",
            "hook must be one of"),
        Arguments.of(
            "no hook", "{\"asOf\": \"2026-06-01\", \"bundle\": " + bundle + "}", "hook is missing"),
        Arguments.of(
            "a bad date",
            "{\"hook\": \"patient-view\", \"asOf\": \"01/06/2026\", \"bundle\": " + bundle + "}",
            "asOf must be a date"),
        Arguments.of(
            "a date that does not exist",
            "{\"hook\": \"patient-view\", \"asOf\": \"2026-02-30\", \"bundle\": " + bundle + "}",
            "asOf must be a date"),
        Arguments.of(
            "a bundle that is not JSON",
            "{\"hook\": \"patient-view\", \"bundle\": \"{\\\"resourceType\\\": \"}",
            "not valid FHIR R4 JSON"),
        Arguments.of(
            "a resource that is not a Bundle",
            "{\"hook\": \"patient-view\", \"bundle\": {\"resourceType\": \"Patient\", \"id\": \"p\"}}",
            "Paste a FHIR Bundle, not a Patient"),
        Arguments.of(
            "JSON that is no FHIR resource",
            "{\"hook\": \"patient-view\", \"bundle\": {\"hello\": \"world\"}}",
            "not valid FHIR R4 JSON"),
        Arguments.of(
            "a bundle that is a number",
            "{\"hook\": \"patient-view\", \"bundle\": 42}",
            "bundle must be a FHIR Bundle"),
        Arguments.of(
            "a value of the wrong FHIR type",
            "{\"hook\": \"patient-view\", \"bundle\": {\"resourceType\": \"Bundle\", \"type\":"
                + " \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\","
                + " \"birthDate\": \"last spring\"}}]}}",
            "not valid FHIR R4 JSON"),
        Arguments.of(
            "two patients",
            "{\"hook\": \"patient-view\", \"bundle\": {\"resourceType\": \"Bundle\", \"type\":"
                + " \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\"}},"
                + " {\"resource\": {\"resourceType\": \"Patient\"}}]}}",
            "more than one Patient"),
        Arguments.of(
            "a scenario and a bundle",
            "{\"scenario\": \"x\", \"bundle\": " + bundle + "}",
            "either a scenario or a bundle"),
        Arguments.of("an unknown scenario", "{\"scenario\": \"no-such\"}", "no scenario named"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badInputIsABadRequestWithAnOperationOutcome(String what, String body, String mentions) {
    HttpResponse<String> response = calls.post("/workbench/api/evaluate", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains(mentions);
  }

  @Test
  void aBodyOverTheSizeLimitIsRefused() {
    String padding = " ".repeat(5 * 1024 * 1024);
    HttpResponse<String> response =
        calls.post("/workbench/api/evaluate", "{\"scenario\": \"x\"}" + padding);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(diagnostics(response)).contains("larger than the limit");
  }

  @Test
  void thePageIsServedWithAPolicyThatAllowsOnlyItsOwnScripts() {
    HttpResponse<String> folder = calls.get("/workbench");
    assertThat(folder.statusCode()).isEqualTo(302);
    assertThat(folder.headers().firstValue("Location")).hasValue("workbench/");

    HttpResponse<String> page = calls.get("/workbench/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
    assertThat(page.body()).contains("<script src=\"workbench.js\"");

    for (String file : List.of("workbench.js", "workbench.css")) {
      assertThat(calls.get("/workbench/" + file).statusCode()).as(file).isEqualTo(200);
    }
  }

  static String topic(JsonNode card) {
    return card.get("source").get("topic").get("code").asString();
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asString()));
    return texts;
  }

  static String diagnostics(HttpResponse<String> response) {
    JsonNode outcome = WorkbenchCalls.json(response);
    assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
    return outcome.get("issue").get(0).get("diagnostics").asString();
  }
}
