package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.fhir.TestFhirServer;
import org.ketaminecds.security.TestEhr;
import org.ketaminecds.support.TestClockConfiguration;
import org.ketaminecds.web.ComputeSlots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With one compute slot, over real HTTP: a call that finds the slot taken for longer than the
 * configured wait is answered 503 with an OperationOutcome and a {@code Retry-After}, and is
 * counted; a call waiting on a slow FHIR server gives its slot back meanwhile, so a prefetched call
 * is answered in the meantime; both get their cards.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.compute.slots=1", "cds.compute.max-wait=300ms"})
@Import(TestClockConfiguration.class)
class ComputeSlotsHttpTest {

  static final String ELIGIBILITY = "/cds-services/ketamine-eligibility";
  static final TestEhr EHR = new TestEhr();

  @DynamicPropertySource
  static void trustTheTestEhr(DynamicPropertyRegistry registry) {
    EHR.register(registry);
  }

  @LocalServerPort int port;
  @Autowired ComputeSlots slots;
  @Autowired MeterRegistry meters;

  CdsCalls calls;

  @BeforeEach
  void client() {
    calls = new CdsCalls(port, EHR);
  }

  @Test
  void aCallThatFindsNoSlotInTimeIsAnswered503AndTheNextOneIsServed() throws Exception {
    double refusedBefore = meters.counter("cds.compute.refused").count();
    assertThat(slots.enter()).isTrue();
    HttpResponse<String> refused;
    try {
      refused = calls.post(ELIGIBILITY, HooksHttpTest.example().toString());
    } finally {
      slots.leave();
    }

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    JsonNode outcome = CdsCalls.json(refused);
    assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(outcome.get("issue").get(0).get("code").asString()).isEqualTo("transient");
    assertThat(meters.counter("cds.compute.refused").count()).isEqualTo(refusedBefore + 1);

    HttpResponse<String> served = calls.post(ELIGIBILITY, HooksHttpTest.example().toString());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(topics(served)).contains("trd-criteria-met");
  }

  @Test
  void aCallWaitingOnTheFhirServerLeavesItsSlotToOthers() throws Exception {
    try (TestFhirServer slow =
        FhirServerFaultsHttpTest.withTheExampleChart(
            TestFhirServer.start().delay(TestFhirServer.ANY_TYPE, Duration.ofMillis(1500)))) {
      CompletableFuture<HttpResponse<String>> waiting =
          CompletableFuture.supplyAsync(
              () -> calls.post(ELIGIBILITY, FhirServerFaultsHttpTest.request(slow.baseUrl())));
      while (slow.requestCount() == 0 && !waiting.isDone()) {
        Thread.sleep(10);
      }

      // If the waiting call still held the only slot, this one would be refused after 300 ms.
      HttpResponse<String> prefetched = calls.post(ELIGIBILITY, HooksHttpTest.example().toString());
      assertThat(prefetched.statusCode()).isEqualTo(200);
      assertThat(topics(prefetched)).contains("trd-criteria-met");

      HttpResponse<String> fetched = waiting.get(60, TimeUnit.SECONDS);
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(topics(fetched)).contains("trd-criteria-met");
    }
  }

  private static java.util.List<String> topics(HttpResponse<String> response) {
    var topics = new java.util.ArrayList<String>();
    CdsCalls.json(response)
        .get("cards")
        .forEach(card -> topics.add(card.get("source").get("topic").get("code").asString()));
    return topics;
  }
}
