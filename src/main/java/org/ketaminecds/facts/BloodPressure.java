package org.ketaminecds.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One blood pressure reading: a panel with its components, or a systolic and a diastolic
 * Observation taken at the same time. Either value may be null when only one was measured. {@code
 * takenAt} orders readings (the most recent one counts); {@code effective} is its date as the chart
 * gives it.
 */
public record BloodPressure(
    String observationId,
    Instant takenAt,
    LocalDate effective,
    Integer systolic,
    Integer diastolic) {

  /** Whole days between the reading and {@code today}. */
  public long daysBefore(LocalDate today) {
    return ChronoUnit.DAYS.between(effective, today);
  }
}
