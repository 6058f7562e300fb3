package org.ketaminecds.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A pregnancy-status Observation (LOINC 82810-3) and whether its value says pregnant. {@code
 * takenAt} orders observations (the most recent one counts).
 */
public record PregnancyStatus(
    String observationId, Instant takenAt, LocalDate effective, boolean pregnant) {

  /** Whole days between the observation and {@code today}. */
  public long daysBefore(LocalDate today) {
    return ChronoUnit.DAYS.between(effective, today);
  }
}
