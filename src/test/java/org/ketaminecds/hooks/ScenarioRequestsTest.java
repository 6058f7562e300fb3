package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ScenarioRequestsTest {

  private static final JsonNode FIRST =
      CdsCalls.JSON.readTree(
          """
          {"hook": "order-select", "resources": [
            {"resourceType": "Patient", "id": "p1", "birthDate": "1980-01-01"},
            {"resourceType": "Condition", "id": "mdd", "subject": {"reference": "Patient/p1"}},
            {"resourceType": "MedicationStatement", "id": "st", "subject": {"reference": "Patient/p1"},
             "medicationReference": {"reference": "Medication/med"}},
            {"resourceType": "Medication", "id": "med"},
            {"resourceType": "Observation", "id": "bp", "subject": {"reference": "Patient/p1"}},
            {"resourceType": "MedicationAdministration", "id": "s1"}],
           "draftOrders": [{"resourceType": "MedicationRequest", "id": "spravato",
             "subject": {"reference": "Patient/p1"}}]}
          """);
  private static final JsonNode SECOND =
      CdsCalls.JSON.readTree(
          """
          {"hook": "patient-view", "resources": [
            {"resourceType": "Patient", "id": "p2"},
            {"resourceType": "Condition", "id": "mdd", "subject": {"reference": "Patient/p2"}}]}
          """);

  @Test
  void aScenarioIsTheRequestAnEhrWouldSendWithEveryPrefetchKeyFilled() {
    ObjectNode request = ScenarioRequests.of(FIRST);

    assertThat(request.get("hook").asString()).isEqualTo("order-select");
    assertThat(request.get("context").get("patientId").asString()).isEqualTo("p1");
    assertThat(request.get("context").get("selections").get(0).asString())
        .isEqualTo("MedicationRequest/spravato");
    JsonNode prefetch = request.get("prefetch");
    assertThat(prefetch.get("patient").get("id").asString()).isEqualTo("p1");
    assertThat(ids(prefetch, "conditions")).containsExactly("mdd");
    assertThat(ids(prefetch, "medications")).containsExactly("st", "med");
    assertThat(ids(prefetch, "observations")).containsExactly("bp");
    assertThat(ids(prefetch, "administrations")).containsExactly("s1");
    assertThat(ids(prefetch, "allergies")).isEmpty();
    assertThat(ids(prefetch, "medicationRequests")).isEmpty();
  }

  @Test
  void aPatientViewScenarioHasNoDraftOrdersOrSelections() {
    JsonNode context = ScenarioRequests.of(SECOND).get("context");

    assertThat(context.has("draftOrders")).isFalse();
    assertThat(context.has("selections")).isFalse();
  }

  @Test
  void theMergedChartHoldsEveryResourceOnceForOnePatientWithItsReferencesKept() {
    ObjectNode request =
        ScenarioRequests.merged(List.of(FIRST, SECOND), "order-sign", FIRST.get("draftOrders"));

    JsonNode prefetch = request.get("prefetch");
    assertThat(prefetch.get("patient").get("id").asString()).isEqualTo("warm-up");
    assertThat(request.get("context").get("patientId").asString()).isEqualTo("warm-up");
    assertThat(ids(prefetch, "conditions")).containsExactly("s0-mdd", "s1-mdd");
    assertThat(ids(prefetch, "medications")).containsExactly("s0-st", "s0-med");
    JsonNode statement = prefetch.get("medications").get("entry").get(0).get("resource");
    assertThat(statement.get("medicationReference").get("reference").asString())
        .isEqualTo("Medication/s0-med");
    assertThat(statement.get("subject").get("reference").asString()).isEqualTo("Patient/warm-up");
    JsonNode order = request.get("context").get("draftOrders").get("entry").get(0).get("resource");
    assertThat(order.get("subject").get("reference").asString()).isEqualTo("Patient/warm-up");
    assertThat(request.get("context").has("selections")).isFalse();
    assertThat(FIRST.get("resources").get(1).get("id").asString())
        .as("the scenario itself is left as it was")
        .isEqualTo("mdd");
  }

  private static List<String> ids(JsonNode prefetch, String key) {
    var ids = new ArrayList<String>();
    prefetch
        .get(key)
        .get("entry")
        .forEach(entry -> ids.add(entry.get("resource").get("id").asString()));
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    return ids;
  }
}
