package org.ketaminecds.fhir.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The identity a left-out or directly read entry is known by: FHIR's id syntax (R4 datatypes, "id":
 * {@code [A-Za-z0-9\-\.]{1,64}}) and a fullUrl that ends in the same Type/id.
 */
class PlainIdentityTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "c1", "Condition-1.2", "ABCxyz0189-.", "0"})
  void plainIds(String id) {
    assertThat(PrefetchResolver.isPlainId(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "c 1", "c_1", "c/1", "é1", "c1\n", "a:b"})
  void idsThatAreNot(String id) {
    assertThat(PrefetchResolver.isPlainId(id)).isFalse();
  }

  @Test
  void sixtyFourCharactersAtMost() {
    assertThat(PrefetchResolver.isPlainId("a".repeat(64))).isTrue();
    assertThat(PrefetchResolver.isPlainId("a".repeat(65))).isFalse();
  }

  @Test
  void aFullUrlEndsInTypeAndId() {
    assertThat(
            PrefetchResolver.endsWithTypeAndId(
                "https://ehr.example/fhir/Condition/c1", "Condition", "c1"))
        .isTrue();
    assertThat(PrefetchResolver.endsWithTypeAndId("/Condition/c1", "Condition", "c1")).isTrue();
  }

  @Test
  void aFullUrlThatDoesNot() {
    // another id that ends in the same characters, another type, no slash before the type
    assertThat(
            PrefetchResolver.endsWithTypeAndId(
                "https://ehr.example/fhir/Condition/xc1", "Condition", "c1"))
        .isFalse();
    assertThat(
            PrefetchResolver.endsWithTypeAndId(
                "https://ehr.example/fhir/Observation/c1", "Condition", "c1"))
        .isFalse();
    assertThat(
            PrefetchResolver.endsWithTypeAndId(
                "https://ehr.example/fhir/MyCondition/c1", "Condition", "c1"))
        .isFalse();
    assertThat(PrefetchResolver.endsWithTypeAndId("Condition/c1", "Condition", "c1")).isFalse();
    assertThat(PrefetchResolver.endsWithTypeAndId("urn:uuid:c1", "Condition", "c1")).isFalse();
    assertThat(PrefetchResolver.endsWithTypeAndId("c1", "Condition", "c1")).isFalse();
  }
}
