package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ketaminecds.support.CardsContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The order hooks when the patient's data cannot be had without a FHIR server (contract, revision
 * 2, "When the check cannot run"): one {@code check-not-completed} warning that says what could not
 * be read, where patient-view answers 412. The faults of a FHIR server are in {@link
 * FhirServerFaultsHttpTest}.
 */
class CheckNotCompletedHttpTest extends ServiceHttpTest {

  static final Path ORDER_SIGN =
      Path.of("cds-hooks/examples/order-sign-esketamine-with-aneurysm.request.json");

  static ObjectNode orderSign() throws IOException {
    return (ObjectNode) CdsCalls.JSON.readTree(Files.readString(ORDER_SIGN));
  }

  static ObjectNode prefetch(ObjectNode request) {
    return (ObjectNode) request.get("prefetch");
  }

  @Test
  void aKeyNotPrefetchedWithoutAFhirServerGivesTheCardOnOrderSignAndOrderSelect()
      throws IOException {
    for (String hook : new String[] {"order-sign", "order-select"}) {
      ObjectNode request = orderSign();
      request.put("hook", hook);
      request.remove("fhirServer");
      prefetch(request).remove("conditions");
      prefetch(request).remove("allergies");

      HttpResponse<String> response =
          calls.post("/cds-services/ketamine-" + hook, request.toString());

      FhirServerFaultsHttpTest.assertCheckNotCompleted(
          response, "the patient's conditions (problem list) and allergies", "fhirServer");
    }
  }

  @Test
  void anOperationOutcomePrefetchedWithoutAFhirServerGivesTheCard() throws IOException {
    ObjectNode request = orderSign();
    request.remove("fhirServer");
    prefetch(request)
        .set(
            "medications",
            CdsCalls.JSON.readTree(
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                    + "\"code\":\"timeout\"}]}"));

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-order-sign", request.toString());

    FhirServerFaultsHttpTest.assertCheckNotCompleted(
        response, "the patient's medication history", "timeout");
  }

  @Test
  void aPagedPrefetchWithoutAFhirServerGivesTheCard() throws IOException {
    ObjectNode request = orderSign();
    request.remove("fhirServer");
    ((ObjectNode) prefetch(request).get("conditions"))
        .putArray("link")
        .addObject()
        .put("relation", "next")
        .put("url", "https://ehr.example.org/fhir?_getpages=abc&_getpagesoffset=2");

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-order-sign", request.toString());

    FhirServerFaultsHttpTest.assertCheckNotCompleted(
        response, "the patient's conditions (problem list)", "_getpages");
  }

  @Test
  void patientViewKeepsThe412() throws IOException {
    ObjectNode request = HooksHttpTest.example();
    request.remove("fhirServer");
    prefetch(request).remove("conditions");

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-eligibility", request.toString());

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(CdsCalls.json(response).get("resourceType").asString())
        .isEqualTo("OperationOutcome");
  }

  @Test
  void anOrderThatIsNotKetamineNeedsNoChartAndGetsNoCard() throws IOException {
    ObjectNode request = orderSign();
    request.remove("fhirServer");
    request.remove("prefetch");
    ObjectNode medication =
        (ObjectNode) request.get("context").get("draftOrders").get("entry").get(0).get("resource");
    medication
        .putObject("medicationCodeableConcept")
        .put("text", "sertraline 50 mg tablet")
        .putArray("coding")
        .addObject()
        .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
        .put("code", "312940")
        .put("display", "sertraline 50 MG Oral Tablet");

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-order-sign", request.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = CdsCalls.json(response);
    CardsContract.check(body);
    assertThat(body.get("cards")).isEmpty();
  }
}
