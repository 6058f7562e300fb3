package org.ketaminecds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One antidepressant (or augmentation agent) MedicationStatement: a trial of one ingredient.
 * Statements entered in error, not taken or only intended never become trials.
 *
 * @param statementId the MedicationStatement's logical id
 * @param ingredientCode RxNorm ingredient code: two strengths of one drug share it
 * @param ingredient ingredient name, e.g. {@code sertraline}
 * @param drugClass e.g. SSRI, SNRI, TCA
 * @param augmentationAgent lithium or a second-generation antipsychotic
 * @param notATrialReason why this product is never an antidepressant trial (oral selegiline,
 *     Zyban), or null
 * @param medication the medication as the chart names it (for the card)
 * @param start effectivePeriod.start (or effectiveDateTime), or null
 * @param end effectivePeriod.end, or null
 * @param dailyDoseMg dose per administration in mg times administrations per day, or null when the
 *     chart does not allow computing it
 */
public record MedicationTrial(
    String statementId,
    String ingredientCode,
    String ingredient,
    String drugClass,
    boolean augmentationAgent,
    String notATrialReason,
    String medication,
    TrialStatus status,
    LocalDate start,
    LocalDate end,
    Double dailyDoseMg) {

  /** Days from start to end, or -1 when either is unknown. */
  public long durationDays() {
    return start == null || end == null ? -1 : ChronoUnit.DAYS.between(start, end);
  }

  public boolean doseDocumented() {
    return dailyDoseMg != null;
  }
}
