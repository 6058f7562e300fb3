package org.ketaminecds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Joins the statements of one ingredient into trials (clinical brief rev. 2, "One trial per
 * continuous use of one ingredient"), for the rules of {@code rules/trd/}: date arithmetic that DRL
 * would only obscure.
 */
public final class ContinuousUse {

  private ContinuousUse() {}

  /**
   * @param statements dated statements of one ingredient, none starting after {@code today}
   * @param maxGapDays statements this close (days from one's end to the next's start) are one trial
   * @param minimumMg the ingredient's minimum adequate daily dose, or null
   * @param today the day of the call: later days are not counted, and a trial ending after it is
   *     ongoing on that day
   */
  public static List<ContinuousTrial> trials(
      Collection<MedicationTrial> statements, int maxGapDays, Double minimumMg, LocalDate today) {
    List<MedicationTrial> sorted = new ArrayList<>(statements);
    sorted.sort(
        Comparator.comparing(MedicationTrial::start)
            .thenComparing(
                MedicationTrial::statementId, Comparator.nullsLast(Comparator.naturalOrder())));
    List<ContinuousTrial> trials = new ArrayList<>();
    List<MedicationTrial> current = new ArrayList<>();
    LocalDate currentEnd = null;
    for (MedicationTrial statement : sorted) {
      LocalDate end = lastDay(statement, today);
      if (!current.isEmpty()
          && ChronoUnit.DAYS.between(currentEnd, statement.start()) > maxGapDays) {
        trials.add(trial(current, minimumMg, today));
        current = new ArrayList<>();
        currentEnd = null;
      }
      current.add(statement);
      currentEnd = currentEnd == null || end.isAfter(currentEnd) ? end : currentEnd;
    }
    if (!current.isEmpty()) {
      trials.add(trial(current, minimumMg, today));
    }
    return trials;
  }

  /** Days both trials were taken. */
  public static long daysTogether(ContinuousTrial a, ContinuousTrial b) {
    LocalDate from = a.start().isAfter(b.start()) ? a.start() : b.start();
    LocalDate to = a.lastDay().isBefore(b.lastDay()) ? a.lastDay() : b.lastDay();
    return Math.max(0, ChronoUnit.DAYS.between(from, to));
  }

  /** Taken together for more than half of the shorter one's duration. */
  public static boolean takenTogether(ContinuousTrial a, ContinuousTrial b) {
    long shorter = Math.min(a.days(), b.days());
    return shorter > 0 && 2 * daysTogether(a, b) > shorter;
  }

  private static boolean ongoing(MedicationTrial statement, LocalDate today) {
    return statement.status() == TrialStatus.ONGOING
        || statement.end() == null
        || statement.end().isAfter(today);
  }

  private static LocalDate lastDay(MedicationTrial statement, LocalDate today) {
    return ongoing(statement, today) ? today : statement.end();
  }

  private static ContinuousTrial trial(
      List<MedicationTrial> statements, Double minimumMg, LocalDate today) {
    MedicationTrial first = statements.get(0);
    LocalDate start = first.start();
    LocalDate last = start;
    boolean ongoing = false;
    Double highest = null;
    String response = null;
    List<DoseStep> steps = new ArrayList<>();
    for (MedicationTrial statement : statements) {
      ongoing |= ongoing(statement, today);
      LocalDate end = lastDay(statement, today);
      last = end.isAfter(last) ? end : last;
      for (DoseStep step : statement.doseSteps()) {
        LocalDate stepStart = step.start() == null ? statement.start() : step.start();
        LocalDate stepEnd = step.end() == null || step.end().isAfter(end) ? end : step.end();
        steps.add(new DoseStep(stepStart, stepEnd, step.mgPerDay()));
        if (step.mgPerDay() != null && (highest == null || step.mgPerDay() > highest)) {
          highest = step.mgPerDay();
        }
      }
      if (response == null) {
        response = statement.responseNote();
      }
    }
    return new ContinuousTrial(
        first.ingredientCode(),
        first.ingredient(),
        first.drugClass(),
        statements,
        start,
        ongoing ? null : last,
        ongoing,
        ChronoUnit.DAYS.between(start, last),
        daysAtAdequateDose(steps, minimumMg),
        highest,
        minimumMg,
        response);
  }

  /**
   * Days covered by a step at or above the minimum (or of unknown dose, which counts: brief), each
   * day once however many statements overlap it.
   */
  private static long daysAtAdequateDose(List<DoseStep> steps, Double minimumMg) {
    TreeSet<LocalDate> bounds = new TreeSet<>();
    for (DoseStep step : steps) {
      if (adequate(step, minimumMg) && step.end().isAfter(step.start())) {
        bounds.add(step.start());
        bounds.add(step.end());
      }
    }
    long days = 0;
    LocalDate previous = null;
    for (LocalDate bound : bounds) {
      if (previous != null && covered(steps, minimumMg, previous)) {
        days += ChronoUnit.DAYS.between(previous, bound);
      }
      previous = bound;
    }
    return days;
  }

  private static boolean covered(List<DoseStep> steps, Double minimumMg, LocalDate day) {
    for (DoseStep step : steps) {
      if (adequate(step, minimumMg) && !day.isBefore(step.start()) && day.isBefore(step.end())) {
        return true;
      }
    }
    return false;
  }

  private static boolean adequate(DoseStep step, Double minimumMg) {
    return minimumMg == null || step.mgPerDay() == null || step.mgPerDay() >= minimumMg;
  }
}
