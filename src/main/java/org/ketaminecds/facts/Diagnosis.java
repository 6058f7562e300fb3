package org.ketaminecds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One Condition of the chart that falls into one clinical category (a value set of {@code
 * fhir-profiles/}). A Condition coded into two categories becomes two Diagnosis facts. Refuted and
 * entered-in-error Conditions never become facts.
 *
 * @param category the value-set id, e.g. {@code depressive-disorder}, {@code aneurysm-or-avm}
 * @param conditionId the Condition's logical id, for the card's evidence
 * @param code the matching code, its system and display, for the card's evidence
 * @param active clinicalStatus active, recurrence or relapse; or no clinicalStatus and no abatement
 * @param onset onsetDateTime / onsetPeriod.start, or null
 * @param recorded recordedDate, or null
 */
public record Diagnosis(
    String category,
    String conditionId,
    String system,
    String code,
    String display,
    ClinicalStatus status,
    boolean active,
    LocalDate onset,
    LocalDate abatement,
    LocalDate recorded) {

  /** The date that best says when this was known: onset, else recorded date; may be null. */
  public LocalDate dated() {
    return onset != null ? onset : recorded;
  }

  /** Whether this is dated after {@code date}; false when either date is unknown. */
  public boolean datedAfter(LocalDate date) {
    return date != null && dated() != null && dated().isAfter(date);
  }

  /**
   * Whole days from {@link #dated()} to {@code today}, or {@link Long#MAX_VALUE} when neither onset
   * nor recorded date is known (so that "within the last N days" is false).
   */
  public long daysSince(LocalDate today) {
    LocalDate date = dated();
    return date == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(date, today);
  }
}
