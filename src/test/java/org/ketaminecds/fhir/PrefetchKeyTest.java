package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefetchKeyTest {

  @Test
  void observationQueryAsksForTheCodesTheRulesRead() {
    assertThat(PrefetchKey.OBSERVATIONS.queryFor("p1"))
        .isEqualTo(
            "Observation?patient=p1&code=http://loinc.org|85354-9,http://loinc.org|55284-4,"
                + "http://loinc.org|8480-6,http://loinc.org|8462-4,http://loinc.org|82810-3,"
                + "http://loinc.org|44261-6,http://loinc.org|29463-7,http://loinc.org|3141-9,"
                + "http://loinc.org|3142-7,http://loinc.org|8350-1,http://loinc.org|8351-9");
    assertThat(PrefetchKey.OBSERVATION_LOINC_CODES).hasSize(11);
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
}
