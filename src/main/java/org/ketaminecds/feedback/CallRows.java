package org.ketaminecds.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes queued hook calls: one audit row each and one row per issued card, in one transaction. */
@Component
class CallRows {

  private static final String INSERT_CALL =
      "INSERT INTO hook_call (hook_instance, service_id, ruleset_version, topics, snoozed_topics,"
          + " status, latency_micros, patient_hash, called_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  // A batch that is written again after an unclear failure must not fail on its own cards.
  private static final String INSERT_CARD =
      "INSERT INTO issued_card (card_uuid, service_id, topic, indicator, ruleset_version,"
          + " hook_instance, patient_hash, issued_at, issued_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT DO NOTHING";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final PatientHasher hasher;

  CallRows(JdbcTemplate jdbc, TransactionTemplate transactions, PatientHasher hasher) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.hasher = hasher;
  }

  void write(List<HookCallRecord> calls) {
    var callRows = new ArrayList<Object[]>(calls.size());
    var cardRows = new ArrayList<Object[]>();
    for (HookCallRecord call : calls) {
      String patient = hasher.hash(call.patientId());
      OffsetDateTime at = call.calledAt().atOffset(ZoneOffset.UTC);
      LocalDate day = at.toLocalDate();
      String hookInstance = cut(call.hookInstance(), 128);
      callRows.add(
          new Object[] {
            hookInstance,
            call.serviceId(),
            cut(call.ruleSetVersion(), 100),
            cut(topics(call.cards()), 2000),
            cut(String.join(" ", call.snoozedTopics()), 2000),
            call.status(),
            call.latencyMicros(),
            patient,
            at
          });
      for (HookCallRecord.IssuedCard card : call.cards()) {
        cardRows.add(
            new Object[] {
              cut(card.uuid(), 64),
              call.serviceId(),
              cut(card.topic(), 100),
              card.indicator(),
              cut(call.ruleSetVersion(), 100),
              hookInstance,
              patient,
              at,
              day
            });
      }
    }
    transactions.executeWithoutResult(
        status -> {
          jdbc.batchUpdate(INSERT_CALL, callRows);
          if (!cardRows.isEmpty()) {
            jdbc.batchUpdate(INSERT_CARD, cardRows);
          }
        });
  }

  private static String topics(List<HookCallRecord.IssuedCard> cards) {
    return String.join(" ", cards.stream().map(HookCallRecord.IssuedCard::topic).toList());
  }

  static String cut(String text, int length) {
    if (text == null) {
      return "";
    }
    return text.length() <= length ? text : text.substring(0, length);
  }
}
