package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ketaminecds.fhir.TestFhirServer;
import org.ketaminecds.security.TestEhr;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * A full run of the service with every log line of {@code org.ketaminecds} at DEBUG: discovery,
 * prefetched calls on every hook, a call that fetches from a FHIR server with an access token,
 * 412s, a 400 whose bad value holds patient data, feedback. Nothing a patient or a credential can
 * be recognised by may reach the output; the identifiers an operator needs must.
 *
 * <p>One test method: OutputCaptureExtension drops its capture after each method.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.ketaminecds=DEBUG",
      // The in-test FHIR server stands for the EHR's, which logs the ids of what it stores; those
      // are its lines, not this service's (hapi-fhir-server is on the test classpath only).
      "logging.level.ca.uhn.fhir.rest.server=WARN"
    })
@Import(TestClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest {

  static final TestEhr EHR = new TestEhr();

  @DynamicPropertySource
  static void trustTheTestEhr(DynamicPropertyRegistry registry) {
    EHR.register(registry);
  }

  static final String PATIENT_ID = "pt-3b9e41c7";
  static final String GIVEN_NAME = "Zebulon";
  static final String FAMILY_NAME = "Quixotic-Marchetti";
  static final String BIRTH_DATE = "1977-03-19";
  static final String FHIR_TOKEN = "fhir-access-token-7d2c9f1e-logcheck";

  /** What a patient can be recognised by: the chart's name, birth date, codes and displays. */
  static final List<String> PATIENT_DATA =
      List.of(
          PATIENT_ID,
          GIVEN_NAME,
          FAMILY_NAME,
          BIRTH_DATE,
          "F33.2",
          "Major depressive disorder",
          "I67.1",
          "Cerebral aneurysm",
          "312938",
          "sertraline 100 MG",
          "venlafaxine 150 MG",
          "Spravato 56 mg");

  @LocalServerPort int port;

  @Test
  void aFullRunLogsNoPatientDataAndNoCredentials(CapturedOutput output) throws IOException {
    CdsCalls calls = new CdsCalls(port, EHR);
    List<String> hookInstances = new ArrayList<>();
    List<String> ruleSetVersions = new ArrayList<>();

    assertThat(calls.get("/cds-services").statusCode()).isEqualTo(200);

    ObjectNode patientView = distinctive("patient-view-trd-candidate");
    HttpResponse<String> cards =
        calls.post("/cds-services/ketamine-eligibility", patientView.toString());
    assertThat(cards.statusCode()).isEqualTo(200);
    assertThat(cards.body()).contains("trd-criteria-met");
    hookInstances.add(patientView.get("hookInstance").asString());
    ruleSetVersions.add(cards.headers().firstValue(HooksController.RULESET_HEADER).orElseThrow());

    ObjectNode orderSign = distinctive("order-sign-esketamine-with-aneurysm");
    HttpResponse<String> critical =
        calls.post("/cds-services/ketamine-order-sign", orderSign.toString());
    assertThat(critical.statusCode()).isEqualTo(200);
    assertThat(critical.body()).contains("\"indicator\":\"critical\"", "I67.1");
    hookInstances.add(orderSign.get("hookInstance").asString());

    try (TestFhirServer fhir = TestFhirServer.start(2).requireBearerToken(FHIR_TOKEN)) {
      storeTheChart(fhir, patientView);
      ObjectNode fetching =
          withoutPrefetch(patientView, fhir.baseUrl(), "b1d0c0de-0000-4000-8000-000000000001");
      HttpResponse<String> fetched =
          calls.post("/cds-services/ketamine-eligibility", fetching.toString());
      assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
      assertThat(fhir.requestCount()).isGreaterThanOrEqualTo(5);
      hookInstances.add(fetching.get("hookInstance").asString());

      fhir.failWith("Condition", 500);
      ObjectNode failing =
          withoutPrefetch(patientView, fhir.baseUrl(), "b1d0c0de-0000-4000-8000-000000000002");
      assertThat(calls.post("/cds-services/ketamine-eligibility", failing.toString()).statusCode())
          .isEqualTo(412);
      hookInstances.add(failing.get("hookInstance").asString());
    }

    ObjectNode nowhere = withoutPrefetch(patientView, null, "b1d0c0de-0000-4000-8000-000000000003");
    assertThat(calls.post("/cds-services/ketamine-eligibility", nowhere.toString()).statusCode())
        .isEqualTo(412);
    hookInstances.add(nowhere.get("hookInstance").asString());

    ObjectNode unreadable =
        patientView.deepCopy().put("hookInstance", "b1d0c0de-0000-4000-8000-000000000004");
    ((ObjectNode) unreadable.get("prefetch"))
        .set(
            "conditions",
            CdsCalls.JSON.readTree(
                "{\"resourceType\":\"Condition\",\"onsetDateTime\":12,\"note\":[{\"text\":\""
                    + GIVEN_NAME
                    + " "
                    + FAMILY_NAME
                    + ", born "
                    + BIRTH_DATE
                    + ", F33.2\"}]}"));
    assertThat(calls.post("/cds-services/ketamine-eligibility", unreadable.toString()).statusCode())
        .isEqualTo(400);
    hookInstances.add(unreadable.get("hookInstance").asString());

    String feedback =
        "{\"feedback\": [{\"card\": \"8d8b9228-ae14-408d-9023-cdfa571dfec6\","
            + " \"outcome\": \"overridden\", \"overrideReason\": {\"reason\": {\"code\": \"x\"},"
            + " \"userComment\": \""
            + GIVEN_NAME
            + " has had I67.1 coiled\"}}]}";
    assertThat(calls.post("/cds-services/ketamine-order-sign/feedback", feedback).statusCode())
        .isEqualTo(200);

    String log = output.getAll();
    assertThat(log).as("the capture holds the run at DEBUG").contains("DEBUG");
    for (String secret : PATIENT_DATA) {
      assertThat(log).as("patient data in the log").doesNotContain(secret);
    }
    assertThat(log).as("the FHIR access token in the log").doesNotContain(FHIR_TOKEN);
    for (String jwt : calls.tokensSent()) {
      assertThat(log).as("a JWT in the log").doesNotContain(jwt);
      // Nor its signature, nor its claims: a JWT's parts are logged only if the whole is not.
      assertThat(log).doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1));
    }
    for (String hookInstance : hookInstances) {
      assertThat(log).contains("hookInstance=" + hookInstance);
    }
    assertThat(log)
        .contains("service=ketamine-eligibility", "service=ketamine-order-sign")
        .contains("ruleset=" + ruleSetVersions.get(0));
  }

  /** An example request with the patient made recognisable: id, name and birth date. */
  private static ObjectNode distinctive(String example) throws IOException {
    String text =
        Files.readString(Path.of("cds-hooks/examples/" + example + ".request.json"))
            .replace("example-trd", PATIENT_ID)
            .replace("1981-04-12", BIRTH_DATE);
    ObjectNode request = (ObjectNode) CdsCalls.JSON.readTree(text);
    ((ObjectNode) request.get("prefetch").get("patient"))
        .putArray("name")
        .addObject()
        .put("family", FAMILY_NAME)
        .putArray("given")
        .add(GIVEN_NAME);
    return request;
  }

  private static ObjectNode withoutPrefetch(
      ObjectNode request, String fhirServer, String hookInstance) {
    ObjectNode copy = request.deepCopy();
    copy.remove("prefetch");
    copy.put("hookInstance", hookInstance);
    if (fhirServer == null) {
      copy.remove("fhirServer");
      copy.remove("fhirAuthorization");
    } else {
      copy.put("fhirServer", fhirServer);
      copy.putObject("fhirAuthorization")
          .put("access_token", FHIR_TOKEN)
          .put("token_type", "Bearer")
          .put("scope", "patient/*.read");
    }
    return copy;
  }

  private static void storeTheChart(TestFhirServer fhir, ObjectNode request) {
    var parser = FhirContext.forR4Cached().newJsonParser();
    ObjectNode prefetch = (ObjectNode) request.get("prefetch");
    fhir.add((Resource) parser.parseResource(prefetch.get("patient").toString()));
    for (String key : List.of("conditions", "medications")) {
      Bundle bundle = (Bundle) parser.parseResource(prefetch.get(key).toString());
      bundle.getEntry().forEach(entry -> fhir.add(entry.getResource()));
    }
  }
}
