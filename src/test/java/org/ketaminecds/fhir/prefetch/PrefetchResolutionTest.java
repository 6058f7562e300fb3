package org.ketaminecds.fhir.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketaminecds.fhir.TestCharts.PATIENT_ID;
import static org.ketaminecds.fhir.TestCharts.allergy;
import static org.ketaminecds.fhir.TestCharts.condition;
import static org.ketaminecds.fhir.TestCharts.fullPrefetch;
import static org.ketaminecds.fhir.TestCharts.ids;
import static org.ketaminecds.fhir.TestCharts.json;
import static org.ketaminecds.fhir.TestCharts.jsonText;
import static org.ketaminecds.fhir.TestCharts.patient;
import static org.ketaminecds.fhir.TestCharts.prefetchFailure;
import static org.ketaminecds.fhir.TestCharts.searchset;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.fhir.FhirAccessProperties;
import org.ketaminecds.fhir.InvalidPrefetchException;
import org.ketaminecds.fhir.PatientDataLoader;
import org.ketaminecds.fhir.PatientDataRequest;
import org.ketaminecds.fhir.PatientDataUnavailableException;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.fhir.PrefetchKey;
import org.ketaminecds.fhir.TestCharts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** Prefetch only: no FHIR server is given, so any attempt to fetch would fail the test. */
class PrefetchResolutionTest {

  private static PatientDataLoader loader;

  @BeforeAll
  static void createLoader() {
    loader = new PatientDataLoader(TestCharts.FHIR, FhirAccessProperties.defaults());
  }

  @AfterAll
  static void closeLoader() {
    loader.close();
  }

  private static PatientDataRequest request(Map<String, JsonNode> prefetch) {
    return new PatientDataRequest(PATIENT_ID, null, "secret-token", prefetch);
  }

  @Test
  void everythingPrefetchedLoadsWithoutFhirServer() {
    PatientRecord record = loader.load(request(fullPrefetch()));

    assertThat(record.patient().getIdPart()).isEqualTo(PATIENT_ID);
    assertThat(ids(record.conditions())).containsExactly("c1", "c2");
    assertThat(ids(record.medicationStatements())).containsExactly("ms1");
    assertThat(ids(record.medications())).containsExactly("m1");
    assertThat(ids(record.observations())).containsExactly("o1");
    assertThat(ids(record.allergies())).containsExactly("a1");
  }

  @Test
  void jsonNullMeansNoSuchResource() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("conditions", NullNode.getInstance());
    prefetch.put("patient", NullNode.getInstance());

    PatientRecord record = loader.load(request(prefetch));

    assertThat(record.conditions()).isEmpty();
    assertThat(record.patient()).isNull();
    assertThat(record.allergies()).hasSize(1);
  }

  @Test
  void javaNullValueMeansNoSuchResource() {
    Map<String, JsonNode> prefetch = new HashMap<>(fullPrefetch());
    prefetch.put("allergies", null);

    assertThat(loader.load(request(prefetch)).allergies()).isEmpty();
  }

  @Test
  void operationOutcomeMeansTheEhrFailedSoTheKeyMustBeFetched() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("conditions", json(prefetchFailure()));

    // No fhirServer: the key is treated as not sent, and cannot be fetched.
    assertThatThrownBy(() -> loader.load(request(prefetch)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("conditions was not prefetched and no fhirServer was given");
  }

  @Test
  void keysNotSentAndNoFhirServerAreUnavailable() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.remove("observations");
    prefetch.remove("allergies");

    assertThatThrownBy(() -> loader.load(request(prefetch)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("observations, allergies were not prefetched and no fhirServer was given")
        .message()
        .doesNotContain("secret-token");
  }

  @Test
  void onlyTheNeededKeysAreRead() {
    Map<String, JsonNode> prefetch = Map.of("conditions", fullPrefetch().get("conditions"));

    PatientRecord record = loader.load(request(prefetch), EnumSet.of(PrefetchKey.CONDITIONS));

    assertThat(record.conditions()).hasSize(2);
    assertThat(record.patient()).isNull();
    assertThat(record.medicationStatements()).isEmpty();
  }

  @Test
  void keyNotNeededIsNotParsedEvenWhenBroken() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("observations", jsonText("\"garbage\""));

    PatientRecord record =
        loader.load(request(prefetch), EnumSet.of(PrefetchKey.PATIENT, PrefetchKey.CONDITIONS));

    assertThat(record.observations()).isEmpty();
  }

  @Test
  void bundleEntriesOfOtherTypesAndSearchOutcomesAreIgnored() {
    Bundle conditions = searchset(condition("c1", PATIENT_ID), patient("stray"));
    OperationOutcome warning = prefetchFailure();
    warning.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.WARNING);
    conditions.addEntry().setResource(warning).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("conditions", json(conditions));

    PatientRecord record = loader.load(request(prefetch));

    assertThat(ids(record.conditions())).containsExactly("c1");
    assertThat(record.patient().getIdPart()).isEqualTo(PATIENT_ID);
  }

  @Test
  void patientMayComeAsBundleAndSearchKeyAsSingleResource() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("patient", json(searchset(patient(PATIENT_ID))));
    prefetch.put("allergies", json(allergy("a9", PATIENT_ID)));

    PatientRecord record = loader.load(request(prefetch));

    assertThat(record.patient().getIdPart()).isEqualTo(PATIENT_ID);
    assertThat(ids(record.allergies())).containsExactly("a9");
  }

  @Test
  void duplicateEntriesAreKeptOnce() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put(
        "conditions", json(searchset(condition("c1", PATIENT_ID), condition("c1", PATIENT_ID))));

    assertThat(ids(loader.load(request(prefetch)).conditions())).containsExactly("c1");
  }

  @Test
  void unknownElementsAreIgnored() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put(
        "patient",
        jsonText(
            "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"madeUpElement\":{\"x\":1},"
                + "\"_madeUpPrimitive\":{\"id\":\"x\"},\"birthDate\":\"1990-01-02\"}"));

    PatientRecord record = loader.load(request(prefetch));

    assertThat(record.patient().getIdPart()).isEqualTo(PATIENT_ID);
    assertThat(record.patient().getBirthDateElement().getValueAsString()).isEqualTo("1990-01-02");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"secret-content\"", "42", "[\"secret-content\"]", "true"})
  void valueOfWrongJsonTypeIsInvalidPrefetch(String value) {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("conditions", jsonText(value));

    assertThatThrownBy(() -> loader.load(request(prefetch)))
        .isInstanceOf(InvalidPrefetchException.class)
        .hasMessageContaining("'conditions'")
        .message()
        .doesNotContain("secret-content");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"secret\":\"secret-content\"}",
        "{\"resourceType\":\"NoSuchType\",\"id\":\"secret-content\"}",
        "{\"resourceType\":\"Bundle\",\"entry\":\"secret-content\"}",
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":"
            + "\"MedicationStatement\",\"id\":\"ms1\",\"status\":[\"secret-content\"]}}]}",
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":"
            + "\"MedicationStatement\",\"id\":\"ms1\",\"effectiveDateTime\":\"secret-content\"}}]}"
      })
  void objectThatIsNoResourceIsInvalidPrefetch(String value) {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("medications", jsonText(value));

    assertThatThrownBy(() -> loader.load(request(prefetch)))
        .isInstanceOf(InvalidPrefetchException.class)
        .hasMessageContaining("'medications'")
        .message()
        .doesNotContain("secret-content");
  }

  @Test
  void resourceOfAnotherTypeIsInvalidPrefetch() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("conditions", json(patient(PATIENT_ID)));

    assertThatThrownBy(() -> loader.load(request(prefetch)))
        .isInstanceOf(InvalidPrefetchException.class)
        .hasMessage("prefetch key 'conditions' holds a Patient, expected a Bundle or Condition");
  }

  @Test
  void fhirServerIsNotCheckedWhenNothingIsFetched() {
    // The https rule protects the token in transit; with everything prefetched nothing travels.
    PatientDataRequest request =
        new PatientDataRequest(PATIENT_ID, "http://example.org/fhir", "t", fullPrefetch());

    assertThat(loader.load(request).conditions()).hasSize(2);
  }

  @Test
  void requestToStringShowsNoToken() {
    assertThat(request(fullPrefetch()).toString()).doesNotContain("secret-token");
  }
}
