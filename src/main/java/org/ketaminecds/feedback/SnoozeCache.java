package org.ketaminecds.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The active snoozes of all replicas, in memory, so that the hook path never waits on the database.
 * Each replica reads the snoozes stored since its last read every {@code
 * cds.feedback.snooze-refresh} (the bounded staleness: a snooze made on another replica applies
 * here within that interval; on the replica that received the feedback, at once). When the last
 * successful read is older than {@code cds.feedback.snooze-max-staleness} (database down), no
 * snooze is applied: cards answer unsnoozed and the miss is counted.
 */
@Component
class SnoozeCache {

  private static final Logger log = LoggerFactory.getLogger(SnoozeCache.class);
  // Rows committed late by another replica (its clock, its transaction) are read again.
  private static final Duration OVERLAP = Duration.ofMinutes(2);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration maxStaleness;

  /** patient hash → topic → snoozed until. */
  private final Map<String, Map<String, Instant>> snoozes = new ConcurrentHashMap<>();

  private volatile Instant readSince = Instant.EPOCH;
  private volatile long lastReadNanos;
  private volatile boolean everRead;
  private boolean failing;

  SnoozeCache(
      JdbcTemplate jdbc,
      Clock clock,
      FeedbackProperties properties,
      ScheduledExecutorService storageTasks,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxStaleness = properties.snoozeMaxStaleness();
    meters.gauge("cds.snooze.patients", snoozes, Map::size);
    refreshQuietly();
    long interval = properties.snoozeRefresh().toMillis();
    storageTasks.scheduleWithFixedDelay(
        this::refreshQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** Whether what is known is recent enough to apply. */
  boolean current() {
    return everRead && System.nanoTime() - lastReadNanos <= maxStaleness.toNanos();
  }

  /** Whether the topic is snoozed for this patient now. Check {@link #current()} first. */
  boolean snoozed(String patientHash, String topic, Instant now) {
    Map<String, Instant> topics = snoozes.get(patientHash);
    if (topics == null) {
      return false;
    }
    Instant until = topics.get(topic);
    return until != null && until.isAfter(now);
  }

  boolean anyFor(String patientHash) {
    return snoozes.containsKey(patientHash);
  }

  /** A snooze this replica stored: applies here at once. */
  void add(String patientHash, String topic, Instant until) {
    snoozes
        .computeIfAbsent(patientHash, hash -> new ConcurrentHashMap<>())
        .merge(topic, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  void refresh() {
    Instant started = clock.instant();
    long startedNanos = System.nanoTime();
    Instant now = started;
    jdbc.query(
        "SELECT patient_hash, topic, snoozed_until FROM snooze"
            + " WHERE created_at >= ? AND snoozed_until > ?",
        (RowCallbackHandler)
            row ->
                add(
                    row.getString(1),
                    row.getString(2),
                    row.getObject(3, OffsetDateTime.class).toInstant()),
        readSince.atOffset(ZoneOffset.UTC),
        now.atOffset(ZoneOffset.UTC));
    readSince = started.minus(OVERLAP);
    // Forget snoozes that have ended.
    snoozes.values().forEach(topics -> topics.values().removeIf(until -> !until.isAfter(now)));
    snoozes.values().removeIf(Map::isEmpty);
    lastReadNanos = startedNanos;
    everRead = true;
  }

  private void refreshQuietly() {
    try {
      refresh();
      if (failing) {
        failing = false;
        log.info("Snoozes are read again from the database");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn(
            "Cannot read snoozes ({}); after {} cards are answered unsnoozed",
            e.getClass().getSimpleName(),
            maxStaleness);
      }
    }
  }
}
