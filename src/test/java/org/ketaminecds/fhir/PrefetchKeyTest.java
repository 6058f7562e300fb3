package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefetchKeyTest {

  @Test
  void observationQueryAsksForTheCodesTheRulesRead() {
    assertThat(PrefetchKey.OBSERVATIONS.queryFor("p1"))
        .startsWith(
            "Observation?patient=p1&code=http://loinc.org|85354-9,http://loinc.org|55284-4,"
                + "http://loinc.org|8480-6,http://loinc.org|8462-4,http://loinc.org|82810-3,")
        // rev. 2: positional blood pressure, breastfeeding status, hCG tests
        .contains(
            "http://loinc.org|8453-3,",
            "http://loinc.org|8459-0,",
            "http://loinc.org|63895-7",
            "http://loinc.org|2106-3",
            "http://loinc.org|44261-6",
            "http://loinc.org|29463-7",
            "http://loinc.org|8351-9");
    assertThat(PrefetchKey.OBSERVATION_LOINC_CODES).hasSize(47).doesNotHaveDuplicates();
  }

  @Test
  void courseKeysAskForSessionsGivenAndActiveOrders() {
    assertThat(PrefetchKey.ADMINISTRATIONS.queryFor("p1"))
        .isEqualTo(
            "MedicationAdministration?patient=p1&status=completed"
                + "&_include=MedicationAdministration:medication");
    assertThat(PrefetchKey.MEDICATION_REQUESTS.queryFor("p1"))
        .isEqualTo(
            "MedicationRequest?patient=p1&status=active&_include=MedicationRequest:medication");
    assertThat(PrefetchKey.ADMINISTRATIONS.optional()).isTrue();
    assertThat(PrefetchKey.MEDICATION_REQUESTS.optional()).isTrue();
    assertThat(PrefetchKey.OBSERVATIONS.optional()).isFalse();
  }

  @Test
  void templatesUseOnlyCdsHooksTokens() {
    for (PrefetchKey key : PrefetchKey.values()) {
      assertThat(key.template().replace("{{context.patientId}}", "")).doesNotContain("{{");
    }
  }

  @Test
  void aKeyHoldsTheResourceTypesItAsksFor() {
    assertThat(PrefetchKey.MEDICATIONS.holdsType("MedicationStatement")).isTrue();
    assertThat(PrefetchKey.MEDICATIONS.holdsType("Medication")).isTrue();
    assertThat(PrefetchKey.MEDICATIONS.holdsType("MedicationRequest")).isFalse();
    assertThat(PrefetchKey.CONDITIONS.holdsType("Condition")).isTrue();
    assertThat(PrefetchKey.CONDITIONS.holdsType("condition")).isFalse();
  }
}
