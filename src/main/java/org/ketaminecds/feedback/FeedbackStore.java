package org.ketaminecds.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ketaminecds.cards.Snooze;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.rules.CardTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a feedback request in one transaction: every item, and the snoozes its overrides ask for.
 * All or nothing: when the database fails, nothing is stored and {@link
 * StorageUnavailableException} tells the EHR to send it again (503). Once this returns, it is
 * committed.
 */
@Component
public class FeedbackStore {

  private static final Logger log = LoggerFactory.getLogger(FeedbackStore.class);
  private static final String INSERT_FEEDBACK =
      "INSERT INTO card_feedback (card_uuid, service_id, card_known, topic, indicator,"
          + " ruleset_version, outcome, accepted_suggestions, override_reason_system,"
          + " override_reason_code, comment_length, snoozed_until, outcome_at, outcome_day,"
          + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_SNOOZE =
      "INSERT INTO snooze (patient_hash, topic, snoozed_until, card_uuid, created_at)"
          + " VALUES (?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final CallRecorder calls;
  private final SnoozeCache snoozes;
  private final ActiveRuleSet rules;
  private final Clock clock;
  private final MeterRegistry meters;

  FeedbackStore(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      CallRecorder calls,
      SnoozeCache snoozes,
      ActiveRuleSet rules,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.calls = calls;
    this.snoozes = snoozes;
    this.rules = rules;
    this.clock = clock;
    this.meters = meters;
  }

  /** What was stored: items on cards this service knows, items on unknown cards, snoozes. */
  public record Stored(int known, int unknown, int snoozes) {}

  public Stored store(String serviceId, List<FeedbackItem> items) {
    try {
      Map<String, IssuedCardRow> cards = issuedCards(items);
      if (cards.size() < items.size()) {
        // A card issued a moment ago may still wait in the write queue.
        calls.flush();
        cards = issuedCards(items);
      }
      Instant now = clock.instant();
      List<NewSnooze> newSnoozes = new ArrayList<>();
      List<Object[]> rows = new ArrayList<>();
      int known = 0;
      for (FeedbackItem item : items) {
        IssuedCardRow card = cards.get(item.card());
        known += card == null ? 0 : 1;
        Optional<Instant> until = snoozeUntil(item, card, now);
        until.ifPresent(end -> newSnoozes.add(new NewSnooze(card, end)));
        rows.add(row(serviceId, item, card, until.orElse(null), now));
      }
      transactions.executeWithoutResult(
          status -> {
            jdbc.batchUpdate(INSERT_FEEDBACK, rows);
            for (NewSnooze snooze : newSnoozes) {
              jdbc.update(
                  INSERT_SNOOZE,
                  snooze.card().patientHash(),
                  snooze.card().topic(),
                  utc(snooze.until()),
                  snooze.card().uuid(),
                  utc(now));
            }
          });
      newSnoozes.forEach(
          snooze ->
              snoozes.add(snooze.card().patientHash(), snooze.card().topic(), snooze.until()));
      int unknown = items.size() - known;
      count(serviceId, items, unknown, newSnoozes.size());
      return new Stored(known, unknown, newSnoozes.size());
    } catch (DataAccessException | TransactionException e) {
      meters.counter("cds.feedback.storage.failures").increment();
      log.warn(
          "feedback service={} not stored ({}): answered 503",
          serviceId,
          e.getClass().getSimpleName());
      throw new StorageUnavailableException(e);
    }
  }

  private Optional<Instant> snoozeUntil(FeedbackItem item, IssuedCardRow card, Instant now) {
    if (card == null || !item.overridden() || !Snooze.mayApplyTo(card.indicator())) {
      return Optional.empty();
    }
    boolean allowed =
        rules.current().cardTemplate(card.topic()).map(CardTemplate::snooze).orElse(true);
    if (!allowed) {
      return Optional.empty();
    }
    Optional<Period> period = Snooze.period(item.reasonSystem(), item.reasonCode());
    return period.map(months -> now.atOffset(ZoneOffset.UTC).plus(months).toInstant());
  }

  private static Object[] row(
      String serviceId, FeedbackItem item, IssuedCardRow card, Instant snoozedUntil, Instant now) {
    Instant outcomeAt = item.outcomeAt() == null ? now : item.outcomeAt();
    return new Object[] {
      CallRows.cut(item.card(), 64),
      serviceId,
      card != null,
      card == null ? null : card.topic(),
      card == null ? null : card.indicator(),
      card == null ? null : card.rulesetVersion(),
      item.outcome(),
      item.acceptedSuggestions().isEmpty()
          ? null
          : CallRows.cut(String.join(" ", item.acceptedSuggestions()), 2000),
      item.reasonSystem() == null ? null : CallRows.cut(item.reasonSystem(), 255),
      item.reasonCode() == null ? null : CallRows.cut(item.reasonCode(), 100),
      item.commentLength(),
      snoozedUntil == null ? null : utc(snoozedUntil),
      utc(outcomeAt),
      utc(outcomeAt).toLocalDate(),
      utc(now)
    };
  }

  private Map<String, IssuedCardRow> issuedCards(List<FeedbackItem> items) {
    List<String> uuids = items.stream().map(FeedbackItem::card).distinct().toList();
    if (uuids.isEmpty()) {
      return Map.of();
    }
    String marks = String.join(", ", Collections.nCopies(uuids.size(), "?"));
    var found = new HashMap<String, IssuedCardRow>();
    jdbc.query(
        "SELECT card_uuid, topic, indicator, ruleset_version, patient_hash FROM issued_card"
            + " WHERE card_uuid IN ("
            + marks
            + ")",
        (RowCallbackHandler)
            row -> {
              var card =
                  new IssuedCardRow(
                      row.getString(1),
                      row.getString(2),
                      row.getString(3),
                      row.getString(4),
                      row.getString(5));
              found.put(card.uuid(), card);
            },
        uuids.toArray());
    return found;
  }

  private void count(String serviceId, List<FeedbackItem> items, int unknown, int snoozed) {
    long accepted = items.stream().filter(item -> !item.overridden()).count();
    meters.counter("cds.feedback", "service", serviceId, "outcome", "accepted").increment(accepted);
    meters
        .counter("cds.feedback", "service", serviceId, "outcome", "overridden")
        .increment(items.size() - accepted);
    meters.counter("cds.feedback.unknown-cards").increment(unknown);
    meters.counter("cds.snooze.created").increment(snoozed);
    log.info(
        "feedback service={} accepted={} overridden={} unknownCards={} snoozes={}",
        serviceId,
        accepted,
        items.size() - accepted,
        unknown,
        snoozed);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private record IssuedCardRow(
      String uuid, String topic, String indicator, String rulesetVersion, String patientHash) {}

  private record NewSnooze(IssuedCardRow card, Instant until) {}
}
