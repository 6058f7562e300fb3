package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.fhir.TestFhirServer;
import org.ketaminecds.support.CardsContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The no-prefetch path end to end: the EHR sends no prefetch, the service queries a real HAPI FHIR
 * server started in the test (paging on, bearer token required), and answers with cards; a failing
 * server gives 412 within the deadline.
 */
class FhirServerHttpTest extends ServiceHttpTest {

  static final String TOKEN = "ehr-access-token-for-the-test";

  TestFhirServer fhir;

  @BeforeEach
  void start() throws IOException {
    // Page size 2: the patient's five Conditions and three statements come over several pages.
    fhir = TestFhirServer.start(2).requireBearerToken(TOKEN);
    ObjectNode example = HooksHttpTest.example();
    var parser = FhirContext.forR4Cached().newJsonParser();
    fhir.add((Resource) parser.parseResource(example.get("prefetch").get("patient").toString()));
    for (String key : new String[] {"conditions", "medications"}) {
      Bundle bundle = (Bundle) parser.parseResource(example.get("prefetch").get(key).toString());
      bundle.getEntry().forEach(entry -> fhir.add(entry.getResource()));
    }
    for (int i = 0; i < 4; i++) {
      // Unrelated history that must be paged through, not mistaken for a depressive disorder.
      fhir.add(
          new Condition()
              .setSubject(new org.hl7.fhir.r4.model.Reference("Patient/example-trd"))
              .setCode(
                  new org.hl7.fhir.r4.model.CodeableConcept()
                      .addCoding(
                          new org.hl7.fhir.r4.model.Coding(
                              "http://snomed.info/sct", "38341003", "Hypertension")))
              .setId("other-" + i));
    }
  }

  @AfterEach
  void stop() {
    fhir.close();
  }

  String requestWithoutPrefetch() throws IOException {
    ObjectNode request = HooksHttpTest.example();
    request.remove("prefetch");
    request.put("fhirServer", fhir.baseUrl());
    request
        .putObject("fhirAuthorization")
        .put("access_token", TOKEN)
        .put("token_type", "Bearer")
        .put("expires_in", 300)
        .put("scope", "patient/*.read")
        .put("subject", "ketamine-cds");
    return request.toString();
  }

  @Test
  void withoutPrefetchTheServiceFetchesEveryPageWithTheBearerToken() throws IOException {
    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-eligibility", requestWithoutPrefetch());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = CdsCalls.json(response);
    CardsContract.check(body);
    assertThat(body.get("cards").get(0).get("source").get("topic").get("code").asString())
        .isEqualTo("trd-criteria-met");
    // All three statements (two pages of two) reached the rules: bupropion is listed as too short.
    assertThat(HooksHttpTest.evidence(body.get("cards").get(0)))
        .contains(
            "MedicationStatement/sertraline-trial",
            "MedicationStatement/venlafaxine-trial",
            "MedicationStatement/bupropion-trial");
    // 1 read + 4 searches + 2 more pages of Conditions (5 of them) + 1 more of statements.
    assertThat(fhir.requestCount()).isGreaterThanOrEqualTo(8);
    assertThat(fhir.requestsWithoutAuthorization()).isZero();
  }

  @Test
  void aFailingFhirServerGivesAPreconditionFailure() throws IOException {
    fhir.failWith("Condition", 500);

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-eligibility", requestWithoutPrefetch());

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(response.body())
        .contains("OperationOutcome")
        .contains("conditions")
        .doesNotContain(TOKEN);
  }

  @Test
  void aHangingFhirServerGivesAPreconditionFailureAtTheDeadline() throws IOException {
    fhir.delay("MedicationStatement", Duration.ofSeconds(20));

    HttpResponse<String> response =
        calls.post("/cds-services/ketamine-eligibility", requestWithoutPrefetch());

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(response.body()).contains("medications");
  }
}
