package org.ketaminecds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One trial of one antidepressant as psychiatrists count it (clinical brief rev. 2): the statements
 * of one ingredient that follow each other with a gap of at most {@code trd.max-gap-days}, as of
 * the day of the call. Its adequate duration is the time at or above the minimum adequate daily
 * dose; titration steps below it do not count.
 *
 * @param statements the MedicationStatements of the trial, in time order
 * @param end the last day, or null while it is ongoing
 * @param ongoing a statement is still active, or ends after the day of the call
 * @param days days from the first start to the last end (or to the day of the call)
 * @param daysAtAdequateDose days taken at or above the minimum adequate daily dose (every day taken
 *     where the dose or the minimum is not known)
 * @param highestDailyDoseMg the highest daily dose documented, or null when none is
 * @param minimumDailyDoseMg the ingredient's minimum adequate daily dose, or null when the table
 *     has none
 * @param responseNote words of the chart documenting response or remission, or null
 */
public record ContinuousTrial(
    String ingredientCode,
    String ingredient,
    String drugClass,
    List<MedicationTrial> statements,
    LocalDate start,
    LocalDate end,
    boolean ongoing,
    long days,
    long daysAtAdequateDose,
    Double highestDailyDoseMg,
    Double minimumDailyDoseMg,
    String responseNote) {

  public ContinuousTrial {
    statements = List.copyOf(statements);
  }

  /**
   * The trial's ingredient and dates only: truth maintenance and the rules' joins hash a trial many
   * times in every call, and the record's own hash code walks every statement and dose step each
   * time (profiled). Equal trials still hash alike; {@code equals} stays the record's own, with the
   * cheap components compared first.
   */
  @Override
  public int hashCode() {
    int hash = Objects.hashCode(ingredientCode);
    hash = 31 * hash + Objects.hashCode(start);
    return 31 * hash + Long.hashCode(days);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ContinuousTrial t
            && days == t.days
            && ongoing == t.ongoing
            && daysAtAdequateDose == t.daysAtAdequateDose
            && Objects.equals(ingredientCode, t.ingredientCode)
            && Objects.equals(start, t.start)
            && Objects.equals(end, t.end)
            && Objects.equals(ingredient, t.ingredient)
            && Objects.equals(drugClass, t.drugClass)
            && Objects.equals(highestDailyDoseMg, t.highestDailyDoseMg)
            && Objects.equals(minimumDailyDoseMg, t.minimumDailyDoseMg)
            && Objects.equals(responseNote, t.responseNote)
            && statements.equals(t.statements);
  }

  public boolean doseDocumented() {
    return highestDailyDoseMg != null;
  }

  /** A dose is documented, and every documented dose is below the minimum adequate dose. */
  public boolean belowMinimumDose() {
    return minimumDailyDoseMg != null
        && highestDailyDoseMg != null
        && highestDailyDoseMg < minimumDailyDoseMg
        && daysAtAdequateDose == 0;
  }

  /** The last day counted: the end, or the day of the call while ongoing. */
  public LocalDate lastDay() {
    return start.plusDays(days);
  }
}
