package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.feedback.TestPostgres;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Feedback and snoozes survive a restart (two application contexts, one after the other, on the
 * same PostgreSQL), and the hook calls keep answering while PostgreSQL is really stopped, while
 * feedback is refused with a 503 that tells the EHR to send it again (issue 14).
 */
class StorageRestartAndOutageTest {

  private static final String PATIENT = "restart-patient";
  private static TestPostgres postgres;
  private static String database;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startPostgres() {
    postgres = TestPostgres.start();
    database = postgres.newDatabase();
  }

  @AfterAll
  static void stopPostgres() {
    postgres.close();
  }

  @Test
  void feedbackAndSnoozesSurviveARestartAndCallsAnswerWithTheDatabaseStopped() throws Exception {
    String warningUuid;
    try (ConfigurableApplicationContext first = start()) {
      Map<String, JsonNode> cards = call(first, PATIENT);
      warningUuid = cards.get("ci-bipolar-disorder").get("uuid").asString();
      HttpResponse<String> feedback =
          post(first, "/feedback", FeedbackCharts.override(warningUuid, "snooze-12-months", ""));
      assertThat(feedback.statusCode()).isEqualTo(200);
      assertThat(call(first, PATIENT)).doesNotContainKey("ci-bipolar-disorder");
    }

    try (ConfigurableApplicationContext second = start()) {
      assertThat(call(second, PATIENT))
          .as("the snooze survived the restart")
          .containsKey("trd-criteria-met")
          .doesNotContainKey("ci-bipolar-disorder");
      assertThat(call(second, "another-patient")).containsKey("ci-bipolar-disorder");
      JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM card_feedback WHERE card_uuid = ? AND snoozed_until IS NOT"
                      + " NULL",
                  Integer.class,
                  warningUuid))
          .as("the feedback survived the restart")
          .isEqualTo(1);

      postgres.stopServer();
      try {
        // Cards keep coming; once the snoozes are older than their bound, unsnoozed and counted.
        Map<String, JsonNode> whileDown = call(second, PATIENT);
        assertThat(whileDown).containsKeys("trd-criteria-met", "ci-vascular-aneurysm-or-avm");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!whileDown.containsKey("ci-bipolar-disorder") && System.nanoTime() < deadline) {
          Thread.sleep(200);
          whileDown = call(second, PATIENT);
        }
        assertThat(whileDown).containsKey("ci-bipolar-disorder");
        MeterRegistry meters = second.getBean(MeterRegistry.class);
        assertThat(meters.counter("cds.snooze.lookup.missed").count()).isPositive();

        HttpResponse<String> refused =
            post(second, "/feedback", FeedbackCharts.override(warningUuid, "patient-refused", ""));
        assertThat(refused.statusCode()).isEqualTo(503);
        JsonNode outcome = CdsCalls.JSON.readTree(refused.body());
        assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
      } finally {
        postgres.startServer();
      }

      // Back: feedback is stored again, and the calls made while down reach the audit trail.
      // As an EHR does on a 503: send it again. Connections the pool held across the restart are
      // replaced on use, so a first try may still meet the outage; nothing else but 503 or 200.
      HttpResponse<String> accepted =
          post(second, "/feedback", FeedbackCharts.override(warningUuid, "patient-refused", ""));
      long retryUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (accepted.statusCode() == 503 && System.nanoTime() < retryUntil) {
        Thread.sleep(500);
        accepted =
            post(second, "/feedback", FeedbackCharts.override(warningUuid, "patient-refused", ""));
      }
      assertThat(accepted.statusCode()).isEqualTo(200);
      JdbcTemplate jdbc2 = second.getBean(JdbcTemplate.class);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int audited = 0;
      while (audited < 5 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        audited =
            jdbc2.queryForObject(
                "SELECT COUNT(*) FROM hook_call WHERE status = 200", Integer.class);
      }
      assertThat(audited)
          .as("calls made while the database was down were written")
          .isGreaterThanOrEqualTo(5);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(KetamineCdsApplication.class, TestClockConfiguration.class)
        .run(
            "--server.port=0",
            "--cds.test.database-named=true",
            "--spring.datasource.url=" + database,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--cds.security.require-jwt=false",
            "--cds.feedback.snooze-refresh=100ms",
            "--cds.feedback.snooze-max-staleness=1s",
            "--cds.feedback.write-interval=100ms");
  }

  private Map<String, JsonNode> call(ConfigurableApplicationContext context, String patient)
      throws IOException, InterruptedException {
    HttpResponse<String> response = post(context, "", FeedbackCharts.patientView(patient));
    assertThat(response.statusCode()).isEqualTo(200);
    return FeedbackCharts.cardsByTopic(response.body());
  }

  private HttpResponse<String> post(
      ConfigurableApplicationContext context, String path, String body)
      throws IOException, InterruptedException {
    String port = context.getEnvironment().getProperty("local.server.port");
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:" + port + "/cds-services/ketamine-eligibility" + path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
