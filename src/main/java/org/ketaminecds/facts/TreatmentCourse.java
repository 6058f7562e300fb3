package org.ketaminecds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The sessions of one drug given so far (esketamine, or racemic ketamine), with the PHQ-9 scores
 * that tell whether the course works: the baseline is the latest score on or before the day of the
 * first session, the latest is the most recent score after that day.
 *
 * @param drug {@code esketamine} or {@code ketamine}
 * @param sessionDates the days of the sessions, oldest first (never empty)
 * @param baselinePhq9 the baseline score, or null when none was recorded
 * @param latestPhq9 the latest score since the first session, or null
 * @param latestPhq9Date the day of the latest score, or null
 */
public record TreatmentCourse(
    String drug,
    List<LocalDate> sessionDates,
    Integer baselinePhq9,
    Integer latestPhq9,
    LocalDate latestPhq9Date) {

  public TreatmentCourse {
    sessionDates = List.copyOf(sessionDates);
  }

  public boolean esketamine() {
    return "esketamine".equals(drug);
  }

  public int sessions() {
    return sessionDates.size();
  }

  public LocalDate firstSession() {
    return sessionDates.get(0);
  }

  public LocalDate lastSession() {
    return sessionDates.get(sessionDates.size() - 1);
  }

  /** Whole days from the last session to {@code today}. */
  public long daysSinceLastSession(LocalDate today) {
    return ChronoUnit.DAYS.between(lastSession(), today);
  }

  /** The week of the course {@code today} falls in: days 1-7 after the first session are week 1. */
  public int courseWeek(LocalDate today) {
    return (int) (ChronoUnit.DAYS.between(firstSession(), today) / 7) + 1;
  }

  /** Sessions given in the course week that {@code today} falls in. */
  public int sessionsInCourseWeek(LocalDate today) {
    int week = courseWeek(today);
    return (int)
        sessionDates.stream()
            .filter(date -> (ChronoUnit.DAYS.between(firstSession(), date) / 7) + 1 == week)
            .count();
  }

  /** The day of the {@code n}th session (1-based), or null when fewer were given. */
  public LocalDate sessionDate(int n) {
    return n >= 1 && n <= sessionDates.size() ? sessionDates.get(n - 1) : null;
  }

  /** Whether the latest PHQ-9 was taken on or after {@code day}. */
  public boolean scoredOnOrAfter(LocalDate day) {
    return day != null && latestPhq9Date != null && !latestPhq9Date.isBefore(day);
  }

  /** Whether a baseline and a later score are both known. */
  public boolean responseKnown() {
    return baselinePhq9 != null && latestPhq9 != null && baselinePhq9 > 0;
  }

  /** The PHQ-9 reduction from the baseline, in percent (negative when worse); 0 when unknown. */
  public double reductionPercent() {
    return responseKnown() ? 100.0 * (baselinePhq9 - latestPhq9) / baselinePhq9 : 0;
  }
}
