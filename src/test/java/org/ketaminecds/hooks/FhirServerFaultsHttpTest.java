package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Named.named;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.fhir.TestFhirServer;
import org.ketaminecds.security.TestEhr;
import org.ketaminecds.support.CardsContract;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * FHIR servers that fail in every way an EHR's server can, over real HTTP on loopback: each call is
 * answered 412 with an OperationOutcome naming what timed out or failed (never a hang: {@link
 * #HANG_GUARD}), and a valid call right after still gets its cards, so a failing server leaves the
 * service as it was. Few query threads, so that leaking one would show.
 *
 * <p>On the order hooks, with an esketamine draft order, the same faults are answered 200 with the
 * one {@code check-not-completed} card (contract, revision 2): a 412 would read as "all clear" on
 * the screen where the order is signed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.fhir.deadline=" + FhirServerFaultsHttpTest.DEADLINE_SECONDS + "s",
      "cds.fhir.max-concurrent-queries=4",
      "cds.fhir.max-queued-queries=8"
    })
@Import(TestClockConfiguration.class)
class FhirServerFaultsHttpTest {

  static final int DEADLINE_SECONDS = 2;
  static final Duration DEADLINE = Duration.ofSeconds(DEADLINE_SECONDS);

  /**
   * Against a hang, not a timing: a busy machine may take longer than the deadline to answer; what
   * shows that the deadline cut the call off is the 412's reason.
   */
  static final Duration HANG_GUARD = Duration.ofSeconds(120);

  static final String TOKEN = "fhir-token-for-the-faults-test";
  static final String ELIGIBILITY = "/cds-services/ketamine-eligibility";

  static final TestEhr EHR = new TestEhr();

  @DynamicPropertySource
  static void trustTheTestEhr(DynamicPropertyRegistry registry) {
    EHR.register(registry);
  }

  /** The EHR's server as it should be: it holds the TRD candidate's chart. */
  static TestFhirServer healthy;

  @LocalServerPort int port;

  CdsCalls calls;

  @BeforeAll
  static void startTheHealthyServer() {
    healthy = withTheExampleChart(TestFhirServer.start());
  }

  @AfterAll
  static void stopTheHealthyServer() {
    healthy.close();
  }

  @BeforeEach
  void client() {
    calls = new CdsCalls(port, EHR);
  }

  static Stream<Named<FaultFactory>> faults() {
    return Stream.of(
        named(
            "slow: answers after 20 s",
            () ->
                fhirServer(
                    TestFhirServer.start().delay(TestFhirServer.ANY_TYPE, secs(20)), "in time")),
        named("500", () -> fhirServer(TestFhirServer.start().failWith("*", 500), "answered 500")),
        named(
            "401: the token is refused",
            () -> fhirServer(TestFhirServer.start().requireBearerToken("another"), "answered 401")),
        named("403", () -> fhirServer(TestFhirServer.start().failWith("*", 403), "answered 403")),
        named(
            "503 with an HTML page",
            () ->
                fhirServer(
                    TestFhirServer.start().answerWith("*", 503, "text/html", "<h1>down</h1>"),
                    "answered 503")),
        named(
            "garbage: 200 with a body that is not FHIR",
            () ->
                fhirServer(
                    TestFhirServer.start()
                        .answerWith("*", 200, "application/fhir+json", "\u0000{{garbage"),
                    "could not be parsed")),
        named(
            "200 with an HTML login page",
            () ->
                fhirServer(
                    TestFhirServer.start().answerWith("*", 200, "text/html", "<form>login</form>"),
                    "not FHIR")),
        named("next link that loops", FhirServerFaultsHttpTest::loopingNextLink),
        named(
            "connection reset on accept",
            () -> tcp(BrokenTcpServer.start(BrokenTcpServer.Behaviour.RESET), "communicate")),
        named(
            "accepts and never answers",
            () -> tcp(BrokenTcpServer.start(BrokenTcpServer.Behaviour.SILENT), "in time")),
        named("refuses connections", FhirServerFaultsHttpTest::refusing));
  }

  /** Makes the failing server when the test runs, not when the table is built. */
  interface FaultFactory {
    FaultyServer start();
  }

  /** A failing server and the words its 412 must contain. */
  record FaultyServer(String baseUrl, String reason, AutoCloseable server)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFailingFhirServerIsA412WithinTheDeadlineAndLeavesTheServiceWorking(FaultFactory fault)
      throws Exception {
    try (FaultyServer server = fault.start()) {
      long started = System.nanoTime();
      HttpResponse<String> response =
          assertTimeoutPreemptively(
              HANG_GUARD, () -> calls.post(ELIGIBILITY, request(server.baseUrl())));
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(response.statusCode()).as(response.body()).isEqualTo(412);
      JsonNode outcome = CdsCalls.json(response);
      assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
      assertThat(outcome.get("issue").get(0).get("diagnostics").asString())
          .contains(server.reason());
      assertThat(response.body()).doesNotContain(TOKEN);
      System.out.println("FHIR fault answered 412 in " + millis + " ms: " + server.reason());
    }

    assertTheServiceStillWorks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void onTheOrderHooksAFailingFhirServerGivesTheCheckNotCompletedCard(FaultFactory fault)
      throws Exception {
    for (String hook : List.of("order-sign", "order-select")) {
      try (FaultyServer server = fault.start()) {
        HttpResponse<String> response =
            assertTimeoutPreemptively(
                HANG_GUARD,
                () ->
                    calls.post(
                        "/cds-services/ketamine-" + hook, orderRequest(hook, server.baseUrl())));

        assertCheckNotCompleted(response, "the patient's chart", server.reason());
      }
    }
    assertTheServiceStillWorks();
  }

  /** The one card, warning, naming the drug and what was not read, but not why, nor the patient. */
  static void assertCheckNotCompleted(
      HttpResponse<String> response, String unreadWords, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = CdsCalls.json(response);
    CardsContract.check(body);
    assertThat(body.get("cards")).hasSize(1);
    JsonNode card = body.get("cards").get(0);
    assertThat(card.get("source").get("topic").get("code").asString())
        .isEqualTo("check-not-completed");
    assertThat(card.get("indicator").asString()).isEqualTo("warning");
    assertThat(card.get("summary").asString())
        .isEqualTo("The esketamine safety check could not run: the chart could not be read");
    assertThat(card.get("detail").asString())
        .contains("The esketamine safety check could not run")
        .contains("could not read " + unreadWords)
        .doesNotContain(reason);
    assertThat(response.body()).doesNotContain(TOKEN).doesNotContain("example-trd");
  }

  /** An order hook with the esketamine draft order of the examples; nothing prefetched. */
  static String orderRequest(String hook, String base) {
    try {
      ObjectNode request = (ObjectNode) CdsCalls.JSON.readTree(request(base));
      ObjectNode orderSign =
          (ObjectNode)
              CdsCalls.JSON.readTree(
                  Files.readString(
                      Path.of(
                          "cds-hooks/examples/order-sign-esketamine-with-aneurysm.request.json")));
      request.put("hook", hook);
      ((ObjectNode) request.get("context"))
          .set("draftOrders", orderSign.get("context").get("draftOrders"));
      return request.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void fortyCallsAtOnceAgainstAHangingServerAreAllAnsweredAndNoneHangs() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    try (TestFhirServer hanging = TestFhirServer.start().delay(TestFhirServer.ANY_TYPE, secs(60))) {
      ExecutorService ehr = Executors.newFixedThreadPool(40);
      try {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        String request = request(hanging.baseUrl());
        for (int i = 0; i < 40; i++) {
          answers.add(ehr.submit(() -> calls.post(ELIGIBILITY, request)));
        }
        long started = System.nanoTime();
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> {
              for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
              }
            });
        System.out.println(
            "40 calls against a hanging FHIR server answered in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms");
      } finally {
        ehr.shutdownNow();
      }
    }

    assertThat(statuses).hasSize(40).containsOnly(412);
    assertTheServiceStillWorks();
  }

  private void assertTheServiceStillWorks() {
    HttpResponse<String> response = calls.post(ELIGIBILITY, request(healthy.baseUrl()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(
            CdsCalls.json(response)
                .get("cards")
                .get(0)
                .get("source")
                .get("topic")
                .get("code")
                .asString())
        .isEqualTo("trd-criteria-met");
  }

  /** The TRD candidate of the examples, nothing prefetched, the FHIR server at {@code base}. */
  static String request(String base) {
    try {
      ObjectNode request = HooksHttpTest.example();
      request.remove("prefetch");
      request.put("fhirServer", base);
      request.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer");
      return request.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestFhirServer withTheExampleChart(TestFhirServer server) {
    try {
      ObjectNode prefetch = (ObjectNode) HooksHttpTest.example().get("prefetch");
      var parser = FhirContext.forR4Cached().newJsonParser();
      server.add((Resource) parser.parseResource(prefetch.get("patient").toString()));
      for (String key : List.of("conditions", "medications")) {
        Bundle bundle = (Bundle) parser.parseResource(prefetch.get(key).toString());
        bundle.getEntry().forEach(entry -> server.add(entry.getResource()));
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FaultyServer fhirServer(TestFhirServer server, String reason) {
    return new FaultyServer(server.baseUrl(), reason, server);
  }

  private static FaultyServer tcp(BrokenTcpServer server, String reason) {
    return new FaultyServer(server.baseUrl(), reason, server);
  }

  private static FaultyServer loopingNextLink() {
    TestFhirServer server = withTheExampleChart(TestFhirServer.start());
    String self = server.baseUrl() + "/Condition?patient=example-trd";
    server.answerWith(
        "Condition",
        200,
        "application/fhir+json",
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\","
            + "\"url\":\""
            + self
            + "\"}]}");
    return fhirServer(server, "loop");
  }

  private static FaultyServer refusing() {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FaultyServer("http://127.0.0.1:" + port + "/fhir", "refused", () -> {});
  }

  private static Duration secs(int seconds) {
    return Duration.ofSeconds(seconds);
  }
}
