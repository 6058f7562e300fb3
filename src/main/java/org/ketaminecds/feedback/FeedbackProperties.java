package org.ketaminecds.feedback;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage of issued cards, feedback, snoozes and the audit trail ({@code cds.feedback.*}). The
 * database itself is chosen by Spring's {@code spring.datasource.*}.
 *
 * @param patientHashSecret the HMAC key patients are stored under; when empty, a random key is made
 *     once and kept in {@code patientHashKeyFile} (the embedded default)
 * @param patientHashKeyFile where the generated key is kept when no secret is configured
 * @param retention how long issued cards, feedback and audit rows are kept
 * @param purgeInterval how often rows past the retention (and snoozes past their end) are deleted
 * @param writeInterval how often the issued cards and audit rows queued by hook calls are written
 * @param writeBatchSize most rows written in one batch
 * @param writeQueueCapacity most calls waiting to be written; beyond it they are dropped (counted)
 * @param snoozeRefresh how often a replica reads the snoozes other replicas stored
 * @param snoozeMaxStaleness beyond this age of the last successful read, snoozes are not applied
 * @param analyticsRefresh how often the analytics gauges are read from the database
 * @param analyticsEnabled the analytics page at /admin/analytics (off unless configured)
 */
@ConfigurationProperties("cds.feedback")
public record FeedbackProperties(
    @DefaultValue("") String patientHashSecret,
    @DefaultValue("data/patient-hash.key") Path patientHashKeyFile,
    @DefaultValue("400d") Duration retention,
    @DefaultValue("6h") Duration purgeInterval,
    @DefaultValue("50ms") Duration writeInterval,
    @DefaultValue("500") int writeBatchSize,
    @DefaultValue("20000") int writeQueueCapacity,
    @DefaultValue("5s") Duration snoozeRefresh,
    @DefaultValue("60s") Duration snoozeMaxStaleness,
    @DefaultValue("60s") Duration analyticsRefresh,
    @DefaultValue("false") boolean analyticsEnabled) {}
