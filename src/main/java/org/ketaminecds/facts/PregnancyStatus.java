package org.ketaminecds.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A pregnancy-status Observation (LOINC 82810-3), or a positive hCG test (rev. 2: it counts as
 * pregnant). {@code takenAt} orders observations (the most recent one counts).
 *
 * @param pregnant the value says pregnant (or the hCG test is positive)
 * @param notPregnant the value says not pregnant: a later one ends an earlier pregnancy record
 *     (unknown is neither)
 * @param test {@code "pregnancy status"} or {@code "hCG test"}, for the card
 */
public record PregnancyStatus(
    String observationId,
    Instant takenAt,
    LocalDate effective,
    boolean pregnant,
    boolean notPregnant,
    String test) {

  public static final String STATUS = "pregnancy status";
  public static final String HCG_TEST = "hCG test";

  /** A pregnancy-status Observation that says pregnant, or not. */
  public PregnancyStatus(
      String observationId, Instant takenAt, LocalDate effective, boolean pregnant) {
    this(observationId, takenAt, effective, pregnant, false, STATUS);
  }

  /** Whole days between the observation and {@code today}. */
  public long daysBefore(LocalDate today) {
    return ChronoUnit.DAYS.between(effective, today);
  }

  /** Whether this was recorded after {@code date}; false for an unknown date. */
  public boolean recordedAfter(LocalDate date) {
    return date != null && effective.isAfter(date);
  }
}
