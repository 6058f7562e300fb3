package org.ketaminecds.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A breastfeeding-status Observation (LOINC 63895-7) and whether its value says breastfeeding now.
 * {@code takenAt} orders observations (the most recent one counts).
 */
public record BreastfeedingStatus(
    String observationId, Instant takenAt, LocalDate effective, boolean breastfeeding) {

  /** Whole days between the observation and {@code today}. */
  public long daysBefore(LocalDate today) {
    return ChronoUnit.DAYS.between(effective, today);
  }
}
