package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.CardsContract;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The CDS Hooks contract over real HTTP, with the service on a random port. */
class HooksHttpTest extends ServiceHttpTest {

  @Autowired MeterRegistry meters;

  static final Path EXAMPLE = Path.of("cds-hooks/examples/patient-view-trd-candidate.request.json");

  static ObjectNode example() throws IOException {
    return (ObjectNode) CdsCalls.JSON.readTree(Files.readString(EXAMPLE));
  }

  @Test
  void discoveryWithATrailingSlashIsDiscoveryToo() {
    HttpResponse<String> plain = calls.get("/cds-services");
    HttpResponse<String> slash = calls.get("/cds-services/");

    assertThat(slash.statusCode()).isEqualTo(200);
    assertThat(slash.body()).isEqualTo(plain.body());
  }

  @Test
  void discoveryListsTheThreeServicesInTheContractsOrder() {
    HttpResponse<String> response = calls.get("/cds-services");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode services = CdsCalls.json(response).get("services");
    List<String> ids = new ArrayList<>();
    services.forEach(service -> ids.add(service.get("id").asString()));
    assertThat(ids)
        .containsExactly("ketamine-eligibility", "ketamine-order-select", "ketamine-order-sign");
    assertThat(services.get(0).get("hook").asString()).isEqualTo("patient-view");
    assertThat(services.get(1).get("hook").asString()).isEqualTo("order-select");
    assertThat(services.get(2).get("hook").asString()).isEqualTo("order-sign");
    for (JsonNode service : services) {
      assertThat(service.get("usageRequirements").asString()).isNotBlank();
      assertThat(service.get("prefetch").get("patient").asString())
          .isEqualTo("Patient/{{context.patientId}}");
      assertThat(service.get("prefetch").get("conditions").asString())
          .isEqualTo("Condition?patient={{context.patientId}}");
      // CDS Hooks 2.0 prefetch tokens only: no FHIRPath.
      service
          .get("prefetch")
          .forEach(template -> assertThat(template.asString()).doesNotContain("%"));
    }
  }

  @Test
  void aTrdCandidateGetsTheTrdCardFromPrefetchedData() throws IOException {
    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-eligibility", example().toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(HooksController.RULESET_HEADER)).isPresent();
    JsonNode body = CdsCalls.json(response);
    CardsContract.check(body);
    assertThat(body.get("cards")).hasSize(1);
    JsonNode card = body.get("cards").get(0);
    assertThat(card.get("indicator").asString()).isEqualTo("info");
    assertThat(card.get("summary").asString())
        .endsWith("; ketamine or esketamine may be considered");
    assertThat(card.get("source").get("topic").get("code").asString())
        .isEqualTo("trd-criteria-met");
    // References travel in the evidence extension, the text names the trials in words.
    assertThat(card.get("detail").asString())
        .contains("**sertraline**", "**venlafaxine**")
        .contains("too short: 25 days, under the 42 required")
        .doesNotContain("[MedicationStatement/", "MedicationStatement/sertraline-trial");
    assertThat(evidence(card))
        .contains("MedicationStatement/sertraline-trial", "MedicationStatement/venlafaxine-trial");
  }

  @Test
  void everyCallIsTimedByServiceAndOutcome() throws IOException {
    long before = callCount("cards");
    long loadsBefore =
        meters.timer("cds.hook.chart.load", "service", "ketamine-eligibility").count();

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-eligibility", example().toString());
    HttpResponse<String> refused = calls.post("/cds-services/ketamine-eligibility", "{}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(callCount("cards")).isEqualTo(before + 1);
    assertThat(meters.timer("cds.hook.chart.load", "service", "ketamine-eligibility").count())
        .isEqualTo(loadsBefore + 1);
    assertThat(
            meters
                .timer("cds.hook.call", "service", "ketamine-eligibility", "outcome", "cards")
                .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
        .isPositive();
  }

  private long callCount(String outcome) {
    return meters
        .timer("cds.hook.call", "service", "ketamine-eligibility", "outcome", outcome)
        .count();
  }

  @Test
  void aPatientWithoutADepressiveDisorderGetsNoCards() throws IOException {
    ObjectNode request = example();
    ((ObjectNode) request.get("prefetch"))
        .set(
            "conditions",
            CdsCalls.JSON.readTree(
                "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}"));

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-eligibility", request.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"cards\":[]}");
  }

  @Test
  void malformedJsonIsABadRequestWithAnOperationOutcome() {
    HttpResponse<String> response = calls.post("/cds-services/ketamine-eligibility", "{\"hook\": ");

    assertBadRequest(response, "not valid JSON");
  }

  @Test
  void aRequestWithoutHookInstanceIsABadRequest() throws IOException {
    ObjectNode request = example();
    request.remove("hookInstance");

    assertBadRequest(
        calls.post("/cds-services/ketamine-eligibility", request.toString()), "hookInstance");
  }

  @Test
  void aRequestWithoutAPatientIdIsABadRequest() throws IOException {
    ObjectNode request = example();
    ((ObjectNode) request.get("context")).remove("patientId");

    assertBadRequest(
        calls.post("/cds-services/ketamine-eligibility", request.toString()), "context.patientId");
  }

  @Test
  void aHookThatIsNotTheServicesIsABadRequest() throws IOException {
    ObjectNode request = example();
    request.put("hook", "order-sign");

    assertBadRequest(
        calls.post("/cds-services/ketamine-eligibility", request.toString()), "patient-view");
  }

  @Test
  void anUnknownServiceIsNotFound() throws IOException {
    HttpResponse<String> response =
        calls.post("/cds-services/no-such-service", example().toString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(CdsCalls.json(response).get("resourceType").asString())
        .isEqualTo("OperationOutcome");
  }

  @Test
  void unknownMembersOfTheRequestAreIgnored() throws IOException {
    ObjectNode request = example();
    request.put("somethingNew", "from a later version of the specification");

    assertThat(calls.post("/cds-services/ketamine-eligibility", request.toString()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void dataThatWasNotPrefetchedAndCannotBeFetchedIsAPreconditionFailure() throws IOException {
    ObjectNode request = example();
    ((ObjectNode) request.get("prefetch")).remove("conditions");
    request.remove("fhirServer");

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-eligibility", request.toString());

    assertThat(response.statusCode()).isEqualTo(412);
    JsonNode outcome = CdsCalls.json(response);
    assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(outcome.get("issue").get(0).get("diagnostics").asString()).contains("conditions");
  }

  @Test
  void anOrderOfAnotherDrugGetsNoCardsAndNeedsNoData() {
    String request =
        """
        {"hook": "order-sign", "hookInstance": "b0c1b2a4-1d6c-4d63-9a3e-1e0c6f0f2d11",
         "context": {"userId": "Practitioner/1", "patientId": "example-trd",
           "draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [
             {"resource": {"resourceType": "MedicationRequest", "id": "rx-1", "status": "draft",
               "intent": "order", "subject": {"reference": "Patient/example-trd"},
               "medicationCodeableConcept": {"coding": [{"system":
                 "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "312938",
                 "display": "sertraline 100 MG Oral Tablet"}]}}}]}}}
        """;

    HttpResponse<String> response = calls.post("/cds-services/ketamine-order-sign", request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"cards\":[]}");
  }

  @Test
  void aLabelledContraindicationOnSigningCarriesASuggestionThatDeletesTheDraftOrder()
      throws IOException {
    String request =
        Files.readString(
            Path.of("cds-hooks/examples/order-sign-esketamine-with-aneurysm.request.json"));

    HttpResponse<String> response = calls.post("/cds-services/ketamine-order-sign", request);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = CdsCalls.json(response);
    CardsContract.check(body);
    JsonNode card = body.get("cards").get(0);
    assertThat(card.get("indicator").asString()).isEqualTo("critical");
    assertThat(card.get("source").get("topic").get("code").asString())
        .isEqualTo("ci-vascular-aneurysm-or-avm");
    assertThat(card.get("detail").asString())
        .contains("ICD-10-CM I67.1")
        .contains("The esketamine label contraindicates esketamine")
        .contains("Do not start esketamine unless")
        .doesNotContain("Condition/aneurysm");
    assertThat(evidence(card)).containsExactly("Condition/aneurysm");
    JsonNode action = card.get("suggestions").get(0).get("actions").get(0);
    assertThat(action.get("type").asString()).isEqualTo("delete");
    assertThat(action.get("resourceId").asString()).isEqualTo("MedicationRequest/esketamine-draft");
    assertThat(card.get("overrideReasons")).isNotEmpty();
    card.get("overrideReasons")
        .forEach(reason -> assertThat(reason.get("display").asString()).isNotBlank());
  }

  @Test
  void feedbackIsAccepted() {
    String feedback =
        """
        {"feedback": [{"card": "8d8b9228-ae14-408d-9023-cdfa571dfec6", "outcome": "overridden",
          "overrideReason": {"reason": {"code": "benefit-outweighs-risk"}},
          "outcomeTimestamp": "2026-06-01T12:00:00Z"}]}
        """;

    assertThat(calls.post("/cds-services/ketamine-order-sign/feedback", feedback).statusCode())
        .isEqualTo(200);
  }

  @Test
  void feedbackWithoutAnOutcomeIsABadRequest() {
    assertBadRequest(
        calls.post(
            "/cds-services/ketamine-order-sign/feedback", "{\"feedback\": [{\"card\": \"x\"}]}"),
        "outcome");
  }

  private static void assertBadRequest(HttpResponse<String> response, String mentions) {
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode outcome = CdsCalls.json(response);
    assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(outcome.get("issue").get(0).get("diagnostics").asString()).contains(mentions);
  }

  /** The card's {@code org.ketaminecds.evidence} extension. */
  static List<String> evidence(JsonNode card) {
    List<String> references = new ArrayList<>();
    card.get("extension")
        .get("org.ketaminecds.evidence")
        .forEach(r -> references.add(r.asString()));
    return references;
  }
}
