package org.ketaminecds.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes what is older than {@code cds.feedback.retention} (issued cards, feedback, audit rows)
 * and the snoozes that have ended, every {@code cds.feedback.purge-interval}. A snooze outlives the
 * retention when it is longer: it is kept until it ends.
 */
@Component
public class RetentionPurge {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration retention;

  RetentionPurge(
      JdbcTemplate jdbc,
      Clock clock,
      FeedbackProperties properties,
      ScheduledExecutorService storageTasks) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = properties.retention();
    long interval = properties.purgeInterval().toMillis();
    storageTasks.scheduleWithFixedDelay(
        this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** Deletes rows past the retention and ended snoozes; the number of rows deleted. */
  public int purge() {
    Instant now = clock.instant();
    var before = now.minus(retention).atOffset(ZoneOffset.UTC);
    // issued_day bounds the rows for the index on it (issued_card_analytics); issued_at decides.
    int deleted =
        jdbc.update(
            "DELETE FROM issued_card WHERE issued_day <= ? AND issued_at < ?",
            before.toLocalDate(),
            before);
    deleted += jdbc.update("DELETE FROM card_feedback WHERE received_at < ?", before);
    deleted += jdbc.update("DELETE FROM hook_call WHERE called_at < ?", before);
    deleted +=
        jdbc.update("DELETE FROM snooze WHERE snoozed_until <= ?", now.atOffset(ZoneOffset.UTC));
    return deleted;
  }

  private void purgeQuietly() {
    try {
      int deleted = purge();
      log.info("Retention {}: {} stored rows deleted", retention, deleted);
    } catch (RuntimeException e) {
      log.warn(
          "Retention purge failed ({}); next try in one interval", e.getClass().getSimpleName());
    }
  }
}
