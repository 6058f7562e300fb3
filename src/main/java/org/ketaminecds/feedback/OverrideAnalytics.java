package org.ketaminecds.feedback;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The override analytics: per card topic and rule-set version, the cards issued, accepted,
 * overridden (by reason) and snoozed, per day (UTC). Feedback on cards this service does not know
 * has no topic and is counted apart ({@code cds.feedback.unknown-cards}).
 */
@Component
class OverrideAnalytics {

  private final JdbcTemplate jdbc;

  OverrideAnalytics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The figures of every topic and rule-set version from {@code from} (a UTC day) on. */
  List<TopicFigures> since(LocalDate from) {
    Map<String, TopicFigures> figures = new TreeMap<>();
    jdbc.query(
        "SELECT issued_day, topic, ruleset_version, COUNT(*) FROM issued_card"
            + " WHERE issued_day >= ? GROUP BY issued_day, topic, ruleset_version",
        (RowCallbackHandler)
            row ->
                of(figures, row.getString(2), row.getString(3))
                    .day(row.getObject(1, LocalDate.class))
                    .merge("issued", row.getLong(4), Long::sum),
        from);
    jdbc.query(
        "SELECT outcome_day, topic, ruleset_version, outcome, override_reason_code,"
            + " CASE WHEN snoozed_until IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM card_feedback"
            + " WHERE card_known AND outcome_day >= ? GROUP BY outcome_day, topic,"
            + " ruleset_version, outcome, override_reason_code,"
            + " CASE WHEN snoozed_until IS NULL THEN 0 ELSE 1 END",
        (RowCallbackHandler)
            row -> {
              TopicFigures topic = of(figures, row.getString(2), row.getString(3));
              Map<String, Long> day = topic.day(row.getObject(1, LocalDate.class));
              long count = row.getLong(7);
              day.merge(row.getString(4), count, Long::sum);
              if ("overridden".equals(row.getString(4))) {
                String reason = row.getString(5) == null ? "none" : row.getString(5);
                topic.overriddenByReason().merge(reason, count, Long::sum);
              }
              if (row.getInt(6) == 1) {
                day.merge("snoozed", count, Long::sum);
              }
            },
        from);
    return List.copyOf(figures.values());
  }

  private static TopicFigures of(Map<String, TopicFigures> figures, String topic, String version) {
    return figures.computeIfAbsent(
        topic + " " + version,
        key -> new TopicFigures(topic, version, new TreeMap<>(), new TreeMap<>()));
  }

  /**
   * One topic under one rule-set version: per day the figures {@code issued}, {@code accepted},
   * {@code overridden}, {@code snoozed}; and the overrides by reason code.
   */
  record TopicFigures(
      String topic,
      String ruleSetVersion,
      Map<LocalDate, Map<String, Long>> days,
      Map<String, Long> overriddenByReason) {

    Map<String, Long> day(LocalDate day) {
      return days.computeIfAbsent(day, d -> new LinkedHashMap<>());
    }

    long total(String figure) {
      return days.values().stream().mapToLong(day -> day.getOrDefault(figure, 0L)).sum();
    }
  }
}
