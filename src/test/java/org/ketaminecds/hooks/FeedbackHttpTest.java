package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ketaminecds.feedback.PatientHasher;
import org.ketaminecds.feedback.RetentionPurge;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.rules.CardTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Feedback stored in PostgreSQL, and the snoozes it asks for, over real HTTP (issue 14, contract
 * revision 2 "Feedback and overrides").
 */
class FeedbackHttpTest extends ServiceHttpTest {

  private static final String SERVICE = "/cds-services/ketamine-eligibility";
  private static final String FEEDBACK = SERVICE + "/feedback";

  @Autowired JdbcTemplate jdbc;
  @Autowired PatientHasher hasher;
  @Autowired RetentionPurge retention;
  @Autowired ActiveRuleSet rules;

  /** The database these tests run on (a subclass runs them on the embedded default). */
  String expectedDatabase() {
    return "PostgreSQL";
  }

  @Test
  void runsOnTheExpectedDatabase() throws SQLException {
    try (Connection connection = jdbc.getDataSource().getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expectedDatabase());
    }
  }

  @Test
  void aSnoozedWarningIsGoneForThatPatientAndNotForAnother() {
    Map<String, JsonNode> first = call("snooze-patient-a");
    assertThat(first).containsKeys("trd-criteria-met", "ci-bipolar-disorder");
    JsonNode warning = first.get("ci-bipolar-disorder");
    assertThat(warning.get("indicator").asString()).isEqualTo("warning");
    assertThat(codes(warning.get("overrideReasons")))
        .contains("snooze-3-months", "snooze-12-months", "patient-refused");

    HttpResponse<String> answer =
        calls.post(
            FEEDBACK,
            FeedbackCharts.override(warning.get("uuid").asString(), "snooze-3-months", "later"));
    assertThat(answer.statusCode()).isEqualTo(200);

    Map<String, JsonNode> again = call("snooze-patient-a");
    assertThat(again).doesNotContainKey("ci-bipolar-disorder");
    assertThat(again).containsKeys("trd-criteria-met", "ci-vascular-aneurysm-or-avm");
    assertThat(call("snooze-patient-b")).containsKey("ci-bipolar-disorder");
  }

  @Test
  void theRuleAuthorTurnsSnoozeOffPerTopicInTheCardFile() {
    // rules/cautions/ci-pregnancy.card.yaml says "snooze: false"; the others say nothing.
    assertThat(rules.current().cardTemplate("ci-pregnancy").map(CardTemplate::snooze))
        .contains(false);
    assertThat(rules.current().cardTemplate("ci-bipolar-disorder").map(CardTemplate::snooze))
        .contains(true);
  }

  @Test
  void aCriticalCardIsNeverSnoozedNorOffersSnooze() {
    JsonNode critical = call("critical-patient").get("ci-vascular-aneurysm-or-avm");
    assertThat(critical.get("indicator").asString()).isEqualTo("critical");
    assertThat(critical.has("overrideReasons")).isFalse();

    assertThat(
            calls
                .post(
                    FEEDBACK,
                    FeedbackCharts.override(
                        critical.get("uuid").asString(), "snooze-12-months", "no"))
                .statusCode())
        .isEqualTo(200);

    assertThat(call("critical-patient")).containsKey("ci-vascular-aneurysm-or-avm");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM snooze WHERE card_uuid = ?",
                Integer.class,
                critical.get("uuid").asString()))
        .isZero();
  }

  @Test
  void storesCardsAndFeedbackWithAHashForThePatientAndOnlyTheCommentsLength() {
    String comment = "Jane Doe declined, see I67.1 note";
    JsonNode info = call("stored-patient").get("trd-criteria-met");
    String uuid = info.get("uuid").asString();

    assertThat(
            calls
                .post(FEEDBACK, FeedbackCharts.override(uuid, "patient-refused", comment))
                .statusCode())
        .isEqualTo(200);

    Map<String, Object> card =
        jdbc.queryForMap("SELECT * FROM issued_card WHERE card_uuid = ?", uuid);
    assertThat(card.get("patient_hash")).isEqualTo(hasher.hash("stored-patient"));
    assertThat(card.get("topic")).isEqualTo("trd-criteria-met");
    assertThat(card.get("indicator")).isEqualTo("info");
    Map<String, Object> feedback =
        jdbc.queryForMap("SELECT * FROM card_feedback WHERE card_uuid = ?", uuid);
    assertThat(feedback.get("card_known")).isEqualTo(true);
    assertThat(feedback.get("outcome")).isEqualTo("overridden");
    assertThat(feedback.get("override_reason_code")).isEqualTo("patient-refused");
    assertThat(feedback.get("comment_length")).isEqualTo(comment.length());
    assertThat(feedback.get("snoozed_until")).isNull();
    List<Map<String, Object>> everything =
        jdbc.queryForList(
            "SELECT c.*, f.* FROM issued_card c JOIN card_feedback f ON f.card_uuid = c.card_uuid");
    assertThat(everything.toString()).doesNotContain("stored-patient", "Jane", "I67.1");
  }

  @Test
  void feedbackOnAnUnknownCardIsAcceptedAndKept() {
    String uuid = "5a1c4c3e-0000-4000-8000-000000000001";
    assertThat(
            calls
                .post(
                    FEEDBACK,
                    """
                    {"feedback": [{"card": "%s", "outcome": "accepted",
                      "acceptedSuggestions": [{"id": "s-1"}, {"id": "s-2"}],
                      "outcomeTimestamp": "2026-06-01T12:00:00Z"}]}
                    """
                        .formatted(uuid))
                .statusCode())
        .isEqualTo(200);

    Map<String, Object> row =
        jdbc.queryForMap("SELECT * FROM card_feedback WHERE card_uuid = ?", uuid);
    assertThat(row.get("card_known")).isEqualTo(false);
    assertThat(row.get("accepted_suggestions")).isEqualTo("s-1 s-2");
  }

  @Test
  void malformedFeedbackIsABadRequestAndNothingOfItIsStored() {
    String valid = "5a1c4c3e-0000-4000-8000-000000000002";
    HttpResponse<String> answer =
        calls.post(
            FEEDBACK,
            """
            {"feedback": [
              {"card": "%s", "outcome": "accepted", "outcomeTimestamp": "2026-06-01T12:00:00Z"},
              {"card": "x", "outcome": "overridden", "outcomeTimestamp": "yesterday"}]}
            """
                .formatted(valid));

    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode outcome = CdsCalls.json(answer);
    assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(outcome.get("issue").get(0).get("diagnostics").asString())
        .contains("feedback[1].outcomeTimestamp");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM card_feedback WHERE card_uuid = ?", Integer.class, valid))
        .isZero();
  }

  @Test
  void theAuditTrailHasOneRowPerCallQueryableByHookInstance() {
    String request = FeedbackCharts.patientView("audited-patient");
    String hookInstance = CdsCalls.JSON.readTree(request).get("hookInstance").asString();
    calls.post(SERVICE, request);

    HttpResponse<String> audit = calls.get("/admin/audit/calls/" + hookInstance);

    assertThat(audit.statusCode()).isEqualTo(200);
    JsonNode rows = CdsCalls.json(audit);
    assertThat(rows).hasSize(1);
    JsonNode row = rows.get(0);
    assertThat(row.get("service").asString()).isEqualTo("ketamine-eligibility");
    assertThat(row.get("status").asInt()).isEqualTo(200);
    assertThat(codesOf(row.get("topics")))
        .contains("trd-criteria-met", "ci-bipolar-disorder", "ci-vascular-aneurysm-or-avm");
    assertThat(row.get("patientHash").asString()).isEqualTo(hasher.hash("audited-patient"));
    assertThat(row.get("ruleSetVersion").asString()).isNotBlank();
    assertThat(row.get("latencyMicros").asLong()).isPositive();
  }

  @Test
  void thePurgeDeletesRowsPastTheRetentionAndEndedSnoozesAndKeepsTheRest() {
    String recent = call("purged-patient").get("trd-criteria-met").get("uuid").asString();
    calls.get("/admin/audit/calls/none"); // writes the queued rows
    var old = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    jdbc.update(
        "INSERT INTO issued_card (card_uuid, service_id, topic, indicator, ruleset_version,"
            + " hook_instance, patient_hash, issued_at, issued_day) VALUES ('old-card',"
            + " 'ketamine-eligibility', 'trd-criteria-met', 'info', 'v', 'h', 'p', ?, ?)",
        old,
        old.toLocalDate());
    jdbc.update(
        "INSERT INTO snooze (patient_hash, topic, snoozed_until, card_uuid, created_at)"
            + " VALUES ('ended', 'ci-psychosis', ?, 'old-card', ?)",
        old.plusMonths(3),
        old);

    assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

    assertThat(count("SELECT COUNT(*) FROM issued_card WHERE card_uuid = 'old-card'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM snooze WHERE patient_hash = 'ended'")).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM issued_card WHERE card_uuid = ?", Integer.class, recent))
        .isEqualTo(1);
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  private Map<String, JsonNode> call(String patientId) {
    HttpResponse<String> response = calls.post(SERVICE, FeedbackCharts.patientView(patientId));
    assertThat(response.statusCode()).isEqualTo(200);
    return FeedbackCharts.cardsByTopic(response.body());
  }

  private static List<String> codes(JsonNode codings) {
    return codings.valueStream().map(coding -> coding.get("code").asString()).toList();
  }

  private static List<String> codesOf(JsonNode texts) {
    return texts.valueStream().map(JsonNode::asString).toList();
  }
}
