package org.ketaminecds.feedback;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for incident review: {@code GET /admin/audit/calls/{hookInstance}} lists the
 * calls made under that hookInstance (service, rule-set version, topics answered and snoozed,
 * status, latency, patient hash). Under /admin/**: a JWT from a configured client is required.
 */
@RestController
class AuditController {

  private final JdbcTemplate jdbc;
  private final CallRecorder recorder;

  AuditController(JdbcTemplate jdbc, CallRecorder recorder) {
    this.jdbc = jdbc;
    this.recorder = recorder;
  }

  @GetMapping(
      path = "/admin/audit/calls/{hookInstance}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<AuditedCall>> calls(@PathVariable String hookInstance) {
    // Calls of the last moments may still wait in the write queue.
    recorder.flush();
    return ResponseEntity.ok(
        jdbc.query(
            "SELECT hook_instance, service_id, ruleset_version, topics, snoozed_topics, status,"
                + " latency_micros, patient_hash, called_at FROM hook_call WHERE hook_instance = ?"
                + " ORDER BY called_at, id",
            (row, index) ->
                new AuditedCall(
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    words(row.getString(4)),
                    words(row.getString(5)),
                    row.getInt(6),
                    row.getLong(7),
                    row.getString(8),
                    row.getObject(9, OffsetDateTime.class).toInstant().toString()),
            hookInstance));
  }

  private static List<String> words(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(" "));
  }

  /** One audited hook call. */
  record AuditedCall(
      String hookInstance,
      String service,
      String ruleSetVersion,
      List<String> topics,
      List<String> snoozedTopics,
      int status,
      long latencyMicros,
      String patientHash,
      String calledAt) {}
}
