package org.ketaminecds.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Whether the PHQ-9 scores of the chart show a response during a trial (clinical brief rev. 2,
 * "Failure must not be contradicted"): the score at its start against the score at its end.
 */
public final class TrialOutcome {

  /** A score up to this many days before a trial's start is its baseline. */
  static final int BASELINE_DAYS_BEFORE = 30;

  /** Without one, the first score within this many days after the start is. */
  static final int BASELINE_DAYS_AFTER = 14;

  private TrialOutcome() {}

  /**
   * The reason the trial is not a failure, as one element, or an empty list when the scores do not
   * show a fall of {@code dropPercent} or more from its start to its end.
   */
  public static List<String> phq9Response(
      ContinuousTrial trial, Collection<DepressionScore> scores, int dropPercent) {
    DepressionScore baseline = baseline(trial, scores);
    if (baseline == null || baseline.score() <= 0) {
      return List.of();
    }
    DepressionScore last = null;
    for (DepressionScore score : scores) {
      if (score.date().isAfter(baseline.date())
          && !score.date().isAfter(trial.lastDay())
          && (last == null || score.date().isAfter(last.date()))) {
        last = score;
      }
    }
    if (last == null) {
      return List.of();
    }
    int fall = baseline.score() - last.score();
    if (fall * 100 < dropPercent * baseline.score()) {
      return List.of();
    }
    return List.of(
        String.format(
            Locale.ROOT,
            "response: PHQ-9 fell from %d on %s to %d on %s (%d %%), not a failed trial",
            baseline.score(),
            baseline.date(),
            last.score(),
            last.date(),
            Math.round(fall * 100.0 / baseline.score())));
  }

  private static DepressionScore baseline(
      ContinuousTrial trial, Collection<DepressionScore> scores) {
    LocalDate start = trial.start();
    DepressionScore before = null;
    DepressionScore after = null;
    for (DepressionScore score : scores) {
      LocalDate date = score.date();
      if (!date.isAfter(start) && !date.isBefore(start.minusDays(BASELINE_DAYS_BEFORE))) {
        if (before == null || date.isAfter(before.date())) {
          before = score;
        }
      } else if (date.isAfter(start)
          && !date.isAfter(start.plusDays(BASELINE_DAYS_AFTER))
          && (after == null || date.isBefore(after.date()))) {
        after = score;
      }
    }
    return before != null ? before : after;
  }
}
