package org.ketaminecds.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls for the feedback tests: the README's TRD candidate (an info card, trd-criteria-met) with a
 * bipolar disorder (a warning, ci-bipolar-disorder) and a cerebral aneurysm (critical,
 * ci-vascular-aneurysm-or-avm), for a patient id of the test's choosing.
 */
final class FeedbackCharts {

  private static final String BIPOLAR =
      """
      {"fullUrl": "http://ehr.example.org/fhir/Condition/bipolar", "resource": {
        "resourceType": "Condition", "id": "bipolar",
        "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
        "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "13746004", "display": "Bipolar disorder (disorder)"}]},
        "subject": {"reference": "Patient/example-trd"}, "onsetDateTime": "2008-01-01"}}
      """;
  private static final String ANEURYSM =
      """
      {"fullUrl": "http://ehr.example.org/fhir/Condition/cerebral-aneurysm", "resource": {
        "resourceType": "Condition", "id": "cerebral-aneurysm",
        "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
        "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
        "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I67.1", "display": "Cerebral aneurysm, nonruptured"}]},
        "subject": {"reference": "Patient/example-trd"}, "onsetDateTime": "2023-02-14"}}
      """;

  private FeedbackCharts() {}

  /** A patient-view call for {@code patientId} with an info, a warning and a critical card. */
  static String patientView(String patientId) {
    try {
      ObjectNode request =
          (ObjectNode) CdsCalls.JSON.readTree(Files.readString(HooksHttpTest.EXAMPLE));
      ArrayNode conditions = (ArrayNode) request.get("prefetch").get("conditions").get("entry");
      conditions.add(CdsCalls.JSON.readTree(BIPOLAR));
      conditions.add(CdsCalls.JSON.readTree(ANEURYSM));
      request.put("hookInstance", UUID.randomUUID().toString());
      return request.toString().replace("example-trd", patientId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** topic → card, of a hook response. */
  static Map<String, JsonNode> cardsByTopic(String responseBody) {
    var cards = new HashMap<String, JsonNode>();
    CdsCalls.JSON
        .readTree(responseBody)
        .get("cards")
        .forEach(card -> cards.put(card.get("source").get("topic").get("code").asString(), card));
    return cards;
  }

  static String override(String cardUuid, String reasonCode, String comment) {
    return """
        {"feedback": [{"card": "%s", "outcome": "overridden",
          "overrideReason": {"reason": {"system": "https://fhir.ketamine-cds.org/CodeSystem/override-reason",
            "code": "%s"}, "userComment": "%s"},
          "outcomeTimestamp": "2026-06-01T12:00:00Z"}]}
        """
        .formatted(cardUuid, reasonCode, comment);
  }
}
