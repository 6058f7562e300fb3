package org.ketaminecds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A PHQ-9 total score (LOINC 44261-6), 0 to 27. */
public record Phq9Score(String observationId, LocalDate date, int score) {

  /** Whole days between the score and {@code today}. */
  public long daysBefore(LocalDate today) {
    return ChronoUnit.DAYS.between(date, today);
  }
}
