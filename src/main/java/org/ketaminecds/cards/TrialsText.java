package org.ketaminecds.cards;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ketaminecds.facts.AdequateTrial;
import org.ketaminecds.facts.CombinationTrial;
import org.ketaminecds.facts.ContinuousTrial;
import org.ketaminecds.facts.CurrentEpisode;
import org.ketaminecds.facts.DiagnosisToConfirm;
import org.ketaminecds.facts.ExcludedTrial;
import org.ketaminecds.facts.MedicationTrial;
import org.ketaminecds.facts.NotCountedTrial;
import org.ketaminecds.facts.TreatmentResistance;
import org.ketaminecds.facts.UnrecognisedMedication;
import org.ketaminecds.rules.Evaluation;

/**
 * The reasoning behind a TRD card, as the brief asks: the current episode, every trial counted
 * (drug, dates, weeks, daily dose), the combination trials, every trial or statement left out with
 * the reason, and the statements the service did not recognise.
 */
final class TrialsText {

  private static final Comparator<MedicationTrial> BY_START =
      Comparator.comparing(MedicationTrial::start, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(
              MedicationTrial::statementId, Comparator.nullsLast(Comparator.naturalOrder()));

  private static final Comparator<ContinuousTrial> TRIAL_BY_START =
      Comparator.comparing(ContinuousTrial::start).thenComparing(ContinuousTrial::ingredient);

  private TrialsText() {}

  static String block(Evaluation evaluation) {
    var text = new StringBuilder();
    evaluation.factsOf(CurrentEpisode.class).stream()
        .map(CurrentEpisode::onset)
        .max(Comparator.naturalOrder())
        .ifPresentOrElse(
            onset -> text.append("**Current episode** since ").append(onset).append(".\n\n"),
            () ->
                text.append("**Current episode**: onset not recorded; all trials considered.\n\n"));
    evaluation.factsOf(DiagnosisToConfirm.class).stream()
        .findFirst()
        .ifPresent(
            d ->
                text.append("**Confirm the diagnosis**: the depressive disorder is coded as ")
                    .append(
                        d.diagnosis().display() == null ? "depression" : d.diagnosis().display())
                    .append(" (")
                    .append(d.diagnosis().code())
                    .append(
                        "); confirm that it is major depressive disorder before referring.\n\n"));
    List<ContinuousTrial> counted =
        evaluation.factsOf(AdequateTrial.class).stream()
            .map(AdequateTrial::trial)
            .distinct()
            .sorted(TRIAL_BY_START)
            .toList();
    int agents =
        evaluation.factsOf(TreatmentResistance.class).stream()
            .mapToInt(r -> r.failedAgents().size())
            .max()
            .orElse(0);
    text.append("**Counted** (")
        .append(agents)
        .append(agents == 1 ? " agent" : " distinct agents")
        .append("):\n");
    if (counted.isEmpty()) {
      text.append("- none\n");
    }
    counted.forEach(trial -> text.append("- ").append(describe(trial)).append('\n'));
    List<CombinationTrial> combinations =
        evaluation.factsOf(CombinationTrial.class).stream().distinct().toList();
    if (!combinations.isEmpty()) {
      text.append("\n**Combination trials** (taken together, counted as one trial each):\n");
      combinations.forEach(
          c ->
              text.append("- ")
                  .append(c.agent())
                  .append(": taken together ")
                  .append(c.daysTogether())
                  .append(" days, one combination trial, not two\n"));
    }
    Map<ContinuousTrial, String> notCounted = new LinkedHashMap<>();
    evaluation.factsOf(NotCountedTrial.class).stream()
        .sorted(Comparator.comparing(NotCountedTrial::trial, TRIAL_BY_START))
        .forEach(n -> notCounted.merge(n.trial(), n.reason(), TrialsText::joinReasons));
    Map<MedicationTrial, String> excluded = new LinkedHashMap<>();
    evaluation.factsOf(ExcludedTrial.class).stream()
        .sorted(Comparator.comparing(ExcludedTrial::trial, BY_START))
        .forEach(e -> excluded.merge(e.trial(), e.reason(), TrialsText::joinReasons));
    if (!notCounted.isEmpty() || !excluded.isEmpty()) {
      text.append("\n**Not counted**:\n");
      notCounted.forEach(
          (trial, reason) ->
              text.append("- ").append(describe(trial)).append(": ").append(reason).append('\n'));
      excluded.forEach(
          (trial, reason) ->
              text.append("- ").append(describe(trial)).append(": ").append(reason).append('\n'));
    }
    List<UnrecognisedMedication> unrecognised =
        evaluation.factsOf(UnrecognisedMedication.class).stream().distinct().toList();
    if (!unrecognised.isEmpty()) {
      text.append("\n**Not recognised** (check by hand; not counted):\n");
      unrecognised.forEach(
          u -> {
            text.append("- ").append(u.medication());
            if (u.code() != null) {
              text.append(", code ").append(u.code());
            }
            text.append(": not recognised as an antidepressant product\n");
          });
    }
    return text.toString().stripTrailing();
  }

  private static String joinReasons(String a, String b) {
    return a.equals(b) ? a : a + "; " + b;
  }

  /** A trial: its ingredient, the products as charted, dates, weeks, highest daily dose. */
  static String describe(ContinuousTrial trial) {
    var text = new StringBuilder("**").append(trial.ingredient()).append("**");
    String products =
        trial.statements().stream()
            .map(MedicationTrial::medication)
            .filter(m -> m != null && !m.equalsIgnoreCase(trial.ingredient()))
            .distinct()
            .collect(Collectors.joining("; "));
    if (!products.isEmpty()) {
      text.append(" (").append(products).append(")");
    }
    text.append(", ")
        .append(trial.start())
        .append(" to ")
        .append(trial.ongoing() ? "ongoing" : String.valueOf(trial.end()))
        .append(" (")
        .append(weeks(trial.days()))
        .append(" weeks)");
    if (trial.doseDocumented()) {
      text.append(", ").append(formatMg(trial.highestDailyDoseMg())).append(" mg/day");
      if (trial.minimumDailyDoseMg() != null
          && trial.daysAtAdequateDose() > 0
          && trial.daysAtAdequateDose() < trial.days()) {
        text.append(" (")
            .append(trial.daysAtAdequateDose())
            .append(" days at ")
            .append(formatMg(trial.minimumDailyDoseMg()))
            .append(" mg/day or more)");
      }
    } else {
      text.append(", dose not documented");
    }
    if (trial.statements().size() > 1) {
      text.append(", ").append(trial.statements().size()).append(" statements joined");
    }
    return text.toString();
  }

  /** A statement left out before it could join a trial. */
  static String describe(MedicationTrial trial) {
    var text = new StringBuilder("**").append(trial.ingredient()).append("**");
    if (trial.medication() != null && !trial.medication().equalsIgnoreCase(trial.ingredient())) {
      text.append(" (").append(trial.medication()).append(")");
    }
    text.append(", ");
    if (trial.start() != null || trial.end() != null) {
      text.append(date(trial.start())).append(" to ").append(date(trial.end()));
      if (trial.durationDays() >= 0) {
        text.append(" (").append(weeks(trial.durationDays())).append(" weeks)");
      }
    } else {
      text.append("dates not documented");
    }
    text.append(", ")
        .append(
            trial.dailyDoseMg() == null
                ? "dose not documented"
                : formatMg(trial.dailyDoseMg()) + " mg/day");
    return text.toString();
  }

  /** The statements of the trials the block lists, for the card's evidence extension. */
  static List<String> references(Evaluation evaluation) {
    Stream<String> trials =
        Stream.concat(
                evaluation.factsOf(AdequateTrial.class).stream().map(AdequateTrial::trial),
                evaluation.factsOf(NotCountedTrial.class).stream().map(NotCountedTrial::trial))
            .flatMap(trial -> trial.statements().stream())
            .map(MedicationTrial::statementId);
    Stream<String> others =
        Stream.concat(
            evaluation.factsOf(ExcludedTrial.class).stream().map(e -> e.trial().statementId()),
            evaluation.factsOf(UnrecognisedMedication.class).stream()
                .map(UnrecognisedMedication::statementId));
    return Stream.concat(trials, others)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .map(id -> "MedicationStatement/" + id)
        .toList();
  }

  /**
   * Days in weeks to one decimal, rounded half up: what {@code %.1f} of {@code days / 7.0} writes,
   * without a Formatter per trial (it parses its pattern each time). A seventh of a day count is
   * never within rounding error of a half tenth, so rounding the double gives the same digit.
   */
  static String weeks(long days) {
    long tenths = Math.round(Math.abs(days) * 10 / 7.0);
    return (days < 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
  }

  private static String date(LocalDate date) {
    return date == null ? "?" : date.toString();
  }

  static String formatMg(double mg) {
    return mg == Math.rint(mg) ? String.valueOf((long) mg) : String.valueOf(mg);
  }
}
