package org.ketaminecds.facts.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.OrderReason;
import org.ketaminecds.terminology.Terminology;

/** Draft orders as EHRs send them: which drug, which route, and why (contract rev. 2). */
class DraftOrderScopeTest {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static DraftOrderReader reader;

  @BeforeAll
  static void load() {
    reader = new DraftOrderReader(new Terminology());
  }

  static List<KetamineOrder> orders(String... entries) {
    StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\"");
    json.append(",\"entry\":[");
    for (int i = 0; i < entries.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"resource\":").append(entries[i]).append("}");
    }
    json.append("]}");
    return reader.ketamineOrders(FHIR.newJsonParser().parseResource(Bundle.class, json.toString()));
  }

  static String request(String medication, String extra) {
    return """
        {"resourceType":"MedicationRequest","id":"m1","status":"draft","intent":"order",
         "medicationCodeableConcept":%s,"subject":{"reference":"Patient/p"}%s}
        """
        .formatted(medication, extra);
  }

  static final String KETAMINE_RXNORM =
      "{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"238082\"}]}";

  @Test
  void esketamineByElevenDigitNdcIsNasalEsketamine() {
    KetamineOrder order =
        orders(
                request(
                    "{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/ndc\",\"code\":\"50458002802\"}]}",
                    ""))
            .get(0);
    assertThat(order.drug()).isEqualTo("esketamine");
    assertThat(order.esketamine()).isTrue();
    assertThat(order.route()).isEqualTo("nasal");
    assertThat(order.reason()).isEqualTo(OrderReason.NOT_GIVEN);
  }

  @Test
  void racemicKetamineRouteFromSnomedRouteOrFromDoseText() {
    assertThat(
            orders(
                    request(
                        KETAMINE_RXNORM,
                        ",\"dosageInstruction\":[{\"route\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"47625008\"}]}}]"))
                .get(0))
        .satisfies(
            order -> {
              assertThat(order.drug()).isEqualTo("ketamine");
              assertThat(order.intravenous()).isTrue();
            });
    assertThat(
            orders(
                    request(
                        KETAMINE_RXNORM,
                        ",\"dosageInstruction\":[{\"text\":\"0.5 mg/kg IV over 40 minutes\"}]"))
                .get(0)
                .route())
        .isEqualTo("intravenous");
    assertThat(orders(request(KETAMINE_RXNORM, "")).get(0).route()).isNull();
  }

  @Test
  void reasonCodeDecidesWhetherTheOrderIsPsychiatric() {
    assertThat(
            orders(
                    request(
                        KETAMINE_RXNORM,
                        ",\"reasonCode\":[{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"F332\"}]}]"))
                .get(0)
                .reason())
        .isEqualTo(OrderReason.DEPRESSION);
    assertThat(
            orders(
                    request(
                        KETAMINE_RXNORM,
                        ",\"reasonCode\":[{\"coding\":[{\"system\":\"urn:oid:2.16.840.1.113883.6.90\",\"code\":\"R45.851\"}]}]"))
                .get(0)
                .reason())
        .isEqualTo(OrderReason.SUICIDAL_IDEATION);
    assertThat(
            orders(request(KETAMINE_RXNORM, ",\"reasonCode\":[{\"text\":\"procedural sedation\"}]"))
                .get(0)
                .reason())
        .isEqualTo(OrderReason.OTHER);
    assertThat(
            orders(
                    request(
                        KETAMINE_RXNORM,
                        ",\"reasonCode\":[{\"text\":\"treatment-resistant depression\"}]"))
                .get(0)
                .reason())
        .isEqualTo(OrderReason.DEPRESSION);
  }

  @Test
  void reasonReferenceInTheBundleIsReadAndOtherwiseLeftForTheChart() {
    String depression =
        """
        {"resourceType":"Condition","id":"d1","code":{"coding":[{"system":"http://snomed.info/sct","code":"36474008"}]},
         "subject":{"reference":"Patient/p"}}
        """;
    assertThat(
            orders(
                    request(
                        KETAMINE_RXNORM, ",\"reasonReference\":[{\"reference\":\"Condition/d1\"}]"),
                    depression)
                .get(0)
                .reason())
        .isEqualTo(OrderReason.DEPRESSION);
    KetamineOrder unresolved =
        orders(request(KETAMINE_RXNORM, ",\"reasonReference\":[{\"reference\":\"Condition/x9\"}]"))
            .get(0);
    assertThat(unresolved.reason()).isEqualTo(OrderReason.NOT_GIVEN);
    assertThat(unresolved.reasonReferences()).containsExactly("x9");
  }
}
