package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.ketaminecds.fhir.TestCharts.CONDITION_COUNT;
import static org.ketaminecds.fhir.TestCharts.PATIENT_ID;
import static org.ketaminecds.fhir.TestCharts.fullPrefetch;
import static org.ketaminecds.fhir.TestCharts.ids;
import static org.ketaminecds.fhir.TestCharts.json;
import static org.ketaminecds.fhir.TestCharts.prefetchFailure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/** The loader against a real HAPI FHIR server over HTTP on loopback. */
class PatientDataLoaderTest {

  /** Against a hang, not a timing: the message says which limit cut the query off. */
  static final Duration HANG_GUARD = Duration.ofSeconds(120);

  private static final String TOKEN = "s3cr3t-access-token";

  private TestFhirServer server;
  private PatientDataLoader loader;

  @BeforeEach
  void startServer() {
    server = TestFhirServer.start();
    server.add(TestCharts.serverChart().toArray(Resource[]::new));
    server.requireBearerToken(TOKEN);
  }

  @AfterEach
  void stop() {
    if (loader != null) {
      loader.close();
    }
    server.stop();
  }

  private PatientDataLoader loader(FhirAccessProperties properties) {
    loader = new PatientDataLoader(TestCharts.FHIR, properties);
    return loader;
  }

  /**
   * The defaults, with a deadline no busy machine reaches: only the tests of the deadline set a
   * tight one, and they ask for the one slow key alone.
   */
  private PatientDataLoader loader() {
    return loader(FhirAccessProperties.defaults().withDeadline(HANG_GUARD.dividedBy(2)));
  }

  private PatientDataRequest request(Map<String, JsonNode> prefetch) {
    return new PatientDataRequest(PATIENT_ID, server.baseUrl(), TOKEN, prefetch);
  }

  @Test
  void everythingPrefetchedMakesNoHttpCall() {
    PatientRecord record = loader().load(request(fullPrefetch()));

    assertThat(ids(record.conditions())).containsExactly("c1", "c2");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void keySentAsNullIsEmptyAndNotFetched() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("conditions", NullNode.getInstance());

    PatientRecord record = loader().load(request(prefetch));

    assertThat(record.conditions()).isEmpty();
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void keySentAsOperationOutcomeIsFetched() {
    Map<String, JsonNode> prefetch = fullPrefetch();
    prefetch.put("conditions", json(prefetchFailure()));

    PatientRecord record = loader().load(request(prefetch));

    assertThat(record.conditions()).hasSize(CONDITION_COUNT);
    assertThat(server.requestCount("Condition")).isEqualTo(1);
    assertThat(server.requestCount("Patient")).isZero();
    assertThat(server.requestCount("Observation")).isZero();
  }

  @Test
  void nothingPrefetchedFetchesAllKeysWithPagingAndIncludes() {
    PatientRecord record = loader().load(request(Map.of()));

    assertThat(record.patient().getIdPart()).isEqualTo(PATIENT_ID);
    // 12 conditions at 5 per page: three pages, each condition exactly once, none of p2's.
    assertThat(ids(record.conditions()))
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, CONDITION_COUNT).mapToObj(i -> "c" + i).toList());
    assertThat(ids(record.medicationStatements())).containsExactlyInAnyOrder("ms1", "ms2", "ms3");
    assertThat(ids(record.medications())).containsExactlyInAnyOrder("m1", "m2");
    // The code filter reached the server: the heart rate is not among the results.
    assertThat(ids(record.observations())).containsExactlyInAnyOrder("o1", "o2");
    assertThat(ids(record.allergies())).containsExactly("a1");
    assertThat(server.requestsWithoutAuthorization()).isZero();
    // One query per key (the course keys too: other keys are fetched), two more pages.
    assertThat(server.requestCount()).isEqualTo(PrefetchKey.values().length + 2);
  }

  @Test
  void includedMedicationsAreFoundOnLaterPagesToo() {
    try (TestFhirServer smallPages = TestFhirServer.start(1)) {
      smallPages.add(TestCharts.serverChart().toArray(Resource[]::new));
      PatientDataRequest request =
          new PatientDataRequest(PATIENT_ID, smallPages.baseUrl(), null, Map.of());

      PatientRecord record = loader().load(request, EnumSet.of(PrefetchKey.MEDICATIONS));

      assertThat(ids(record.medicationStatements())).containsExactlyInAnyOrder("ms1", "ms2", "ms3");
      // m1 is included on two pages and kept once.
      assertThat(ids(record.medications())).containsExactlyInAnyOrder("m1", "m2");
      assertThat(smallPages.requestsWithoutAuthorization()).isEqualTo(smallPages.requestCount());
    }
  }

  @Test
  void courseKeysAreNotFetchedWhenEverythingElseWasPrefetched() {
    Map<String, JsonNode> safetyKeysOnly = new java.util.LinkedHashMap<>(fullPrefetch());
    safetyKeysOnly.remove("administrations");
    safetyKeysOnly.remove("medicationRequests");

    PatientRecord record = loader().load(request(safetyKeysOnly));

    assertThat(ids(record.conditions())).containsExactly("c1", "c2");
    assertThat(record.administrations()).isEmpty();
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void courseKeysAreFetchedAlongWithOtherMissingKeys() {
    Map<String, JsonNode> withoutConditions = new java.util.LinkedHashMap<>(fullPrefetch());
    withoutConditions.remove("conditions");
    withoutConditions.remove("administrations");

    loader().load(request(withoutConditions));

    assertThat(server.requestCount("Condition")).isPositive();
    assertThat(server.requestCount("MedicationAdministration")).isEqualTo(1);
  }

  @Test
  void onlyTheNeededKeysAreFetched() {
    loader().load(request(Map.of()), EnumSet.of(PrefetchKey.PATIENT, PrefetchKey.ALLERGIES));

    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(server.requestCount("Patient")).isEqualTo(1);
    assertThat(server.requestCount("AllergyIntolerance")).isEqualTo(1);
  }

  @Test
  void serverErrorNamesTheKeyAndNotTheToken() {
    server.failWith("Condition", 500);

    assertThatThrownBy(() -> loader().load(request(Map.of())))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server answered 500 for conditions")
        .hasNoCause()
        .message()
        .doesNotContain(TOKEN)
        .doesNotContain(PATIENT_ID);
  }

  @Test
  void wrongTokenIsUnavailable() {
    PatientDataRequest request =
        new PatientDataRequest(PATIENT_ID, server.baseUrl(), "stale-token", Map.of());

    assertThatThrownBy(() -> loader().load(request, EnumSet.of(PrefetchKey.ALLERGIES)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server answered 401 for allergies");
  }

  @Test
  void missingTokenIsUnavailableAndNoAuthorizationHeaderIsSent() {
    PatientDataRequest request =
        new PatientDataRequest(PATIENT_ID, server.baseUrl(), null, Map.of());

    assertThatThrownBy(() -> loader().load(request, EnumSet.of(PrefetchKey.CONDITIONS)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server answered 401 for conditions");
    assertThat(server.requestsWithoutAuthorization()).isEqualTo(1);
  }

  @Test
  void forbiddenIsUnavailable() {
    server.failWith("Observation", 403);

    assertThatThrownBy(() -> loader().load(request(Map.of())))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server answered 403 for observations");
  }

  @Test
  void slowServerIsCutOffAtTheDeadline() {
    server.delay("Observation", Duration.ofSeconds(10));
    PatientDataLoader loader =
        loader(FhirAccessProperties.defaults().withDeadline(Duration.ofMillis(500)));

    assertTimeoutPreemptively(
        HANG_GUARD,
        () ->
            assertThatThrownBy(
                    () -> loader.load(request(Map.of()), EnumSet.of(PrefetchKey.OBSERVATIONS)))
                .isInstanceOf(PatientDataUnavailableException.class)
                .hasMessage("FHIR server did not answer in time for observations"));
  }

  @Test
  void readTimeoutIsUnavailable() {
    server.delay("AllergyIntolerance", Duration.ofSeconds(10));
    FhirAccessProperties properties =
        new FhirAccessProperties(
            Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(4), 50, 4, 8, false);

    assertTimeoutPreemptively(
        HANG_GUARD,
        () ->
            assertThatThrownBy(() -> loader(properties).load(request(Map.of())))
                .isInstanceOf(PatientDataUnavailableException.class)
                .hasMessage("FHIR server did not answer within the read timeout for allergies"));
  }

  @Test
  void refusedConnectionIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PatientDataRequest request =
        new PatientDataRequest(
            PATIENT_ID, "http://127.0.0.1:" + closedPort + "/fhir", TOKEN, Map.of());

    assertTimeoutPreemptively(
        HANG_GUARD,
        () ->
            assertThatThrownBy(() -> loader().load(request))
                .isInstanceOf(PatientDataUnavailableException.class)
                .hasMessageContaining("FHIR server refused or could not take the connection for"));
  }

  @Test
  void unknownPatientIsUnavailable() {
    PatientDataRequest request =
        new PatientDataRequest("nobody", server.baseUrl(), TOKEN, Map.of());

    assertThatThrownBy(() -> loader().load(request, EnumSet.of(PrefetchKey.PATIENT)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("patient not found on the FHIR server");
  }

  @Test
  void plainHttpToAnotherHostIsRejectedBeforeAnyCall() {
    PatientDataRequest request =
        new PatientDataRequest(PATIENT_ID, "http://example.org/fhir", TOKEN, Map.of());

    assertThatThrownBy(() -> loader().load(request))
        .isInstanceOf(InvalidFhirServerException.class)
        .hasMessageNotContaining("example.org");
  }

  @Test
  void fhirServerThatIsNotHttpIsRejected() {
    PatientDataRequest request =
        new PatientDataRequest(PATIENT_ID, "file:///etc/passwd", TOKEN, Map.of());

    assertThatThrownBy(() -> loader().load(request)).isInstanceOf(InvalidFhirServerException.class);
  }

  @Test
  void plainHttpOnLoopbackIsAllowed() {
    assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");

    assertThat(loader().load(request(Map.of())).allergies()).hasSize(1);
  }

  @Test
  void patientIdThatIsNoFhirIdIsRejectedBeforeAnyCall() {
    PatientDataRequest request =
        new PatientDataRequest("p1&_elements=id", server.baseUrl(), TOKEN, Map.of());

    assertThatThrownBy(() -> loader().load(request)).isInstanceOf(InvalidPatientIdException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void pagesBeyondTheLimitAreUnavailable() {
    PatientDataLoader loader = loader(FhirAccessProperties.defaults().withMaxPages(2));

    assertThatThrownBy(() -> loader.load(request(Map.of()), EnumSet.of(PrefetchKey.CONDITIONS)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server has more than 2 pages for conditions");
  }

  @Test
  void missingKeysAreFetchedInParallel() {
    server.delay(TestFhirServer.ANY_TYPE, Duration.ofMillis(300));

    PatientRecord record = loader().load(request(Map.of()));

    assertThat(record.conditions()).hasSize(CONDITION_COUNT);
    assertThat(server.maxConcurrentRequests()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void queryCutOffAtTheDeadlineFreesItsThread() {
    // One query thread, and a read timeout far beyond the deadline: only aborting the request in
    // flight frees the thread in time for the next call.
    FhirAccessProperties oneThread =
        new FhirAccessProperties(
            Duration.ofSeconds(5), HANG_GUARD, Duration.ofSeconds(5), 50, 1, 8, false);
    PatientDataLoader loader = loader(oneThread);
    // The deadline is long enough for the second call on a busy machine, the delay far longer.
    server.delay("Condition", Duration.ofSeconds(20));
    assertThatThrownBy(() -> loader.load(request(Map.of()), EnumSet.of(PrefetchKey.CONDITIONS)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessageStartingWith("FHIR server did not answer in time for conditions");

    server.delay("Condition", Duration.ZERO);
    List<String> conditions =
        ids(loader.load(request(Map.of()), EnumSet.of(PrefetchKey.CONDITIONS)).conditions());

    assertThat(conditions).hasSize(CONDITION_COUNT);
  }

  @Test
  void nextLinksThatGoRoundInALoopAreUnavailable() {
    String selfLink = server.baseUrl() + "/Condition?patient=p1";
    server.answerWith("Condition", 200, "application/fhir+json", bundleWithNextLink(selfLink));

    assertThatThrownBy(() -> loader().load(request(Map.of()), EnumSet.of(PrefetchKey.CONDITIONS)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server's next links for conditions go round in a loop");
    assertThat(server.requestCount("Condition")).isEqualTo(2);
  }

  @Test
  void nextLinkToAnotherServerIsNotFollowed() {
    server.answerWith(
        "Condition",
        200,
        "application/fhir+json",
        bundleWithNextLink("https://elsewhere.example/fhir/Condition?page=2"));

    assertThatThrownBy(() -> loader().load(request(Map.of()), EnumSet.of(PrefetchKey.CONDITIONS)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server's next link for conditions leaves fhirServer");
  }

  @Test
  void htmlAnswerIsUnavailable() {
    server.answerWith("Condition", 200, "text/html", "<html><body>Login</body></html>");

    assertThatThrownBy(() -> loader().load(request(Map.of()), EnumSet.of(PrefetchKey.CONDITIONS)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server answered 200 with a body that is not FHIR for conditions");
  }

  @Test
  void brokenJsonIsUnavailable() {
    server.answerWith(
        "Condition", 200, "application/fhir+json", "{\"resourceType\":\"Bundle\",\"entry\":[");

    assertThatThrownBy(() -> loader().load(request(Map.of()), EnumSet.of(PrefetchKey.CONDITIONS)))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessage("FHIR server sent an answer that could not be parsed for conditions");
  }

  @Test
  void serviceUnavailableWithHtmlBodyNamesTheStatus() {
    server.answerWith("Patient", 503, "text/html", "<html>maintenance</html>");

    assertThatThrownBy(() -> loader().load(request(Map.of())))
        .isInstanceOf(PatientDataUnavailableException.class)
        .hasMessageContaining("503")
        .hasMessageEndingWith("for patient");
  }

  private static String bundleWithNextLink(String next) {
    Bundle bundle = TestCharts.searchset(TestCharts.condition("c1", PATIENT_ID));
    bundle.addLink().setRelation("next").setUrl(next);
    return TestCharts.FHIR.newJsonParser().encodeResourceToString(bundle);
  }
}
