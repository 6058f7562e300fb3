package org.ketaminecds.cards;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.ketaminecds.facts.AdequateTrial;
import org.ketaminecds.facts.CurrentEpisode;
import org.ketaminecds.facts.ExcludedTrial;
import org.ketaminecds.facts.MedicationTrial;
import org.ketaminecds.facts.TreatmentResistance;
import org.ketaminecds.rules.Evaluation;

/**
 * The reasoning behind a TRD card, as the brief asks: the current episode, every trial counted
 * (drug, dates, weeks, daily dose) and every trial left out with the reason.
 */
final class TrialsText {

  private static final Comparator<MedicationTrial> BY_START =
      Comparator.comparing(MedicationTrial::start, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(
              MedicationTrial::statementId, Comparator.nullsLast(Comparator.naturalOrder()));

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
    List<MedicationTrial> counted =
        evaluation.factsOf(AdequateTrial.class).stream()
            .map(AdequateTrial::trial)
            .distinct()
            .sorted(BY_START)
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
    Map<MedicationTrial, String> excluded = new LinkedHashMap<>();
    evaluation.factsOf(ExcludedTrial.class).stream()
        .sorted(Comparator.comparing(ExcludedTrial::trial, BY_START))
        .forEach(
            e -> excluded.merge(e.trial(), e.reason(), (a, b) -> a.equals(b) ? a : a + "; " + b));
    if (!excluded.isEmpty()) {
      text.append("\n**Not counted**:\n");
      excluded.forEach(
          (trial, reason) ->
              text.append("- ").append(describe(trial)).append(": ").append(reason).append('\n'));
    }
    return text.toString().stripTrailing();
  }

  static String describe(MedicationTrial trial) {
    var text = new StringBuilder("**").append(trial.ingredient()).append("**");
    if (trial.medication() != null && !trial.medication().equalsIgnoreCase(trial.ingredient())) {
      text.append(" (").append(trial.medication()).append(")");
    }
    text.append(", ");
    if (trial.start() != null || trial.end() != null) {
      text.append(trial.start() == null ? "?" : trial.start())
          .append(" to ")
          .append(trial.end() == null ? "ongoing" : trial.end());
      if (trial.durationDays() >= 0) {
        text.append(String.format(Locale.ROOT, " (%.1f weeks)", trial.durationDays() / 7.0));
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
    return Stream.concat(
            evaluation.factsOf(AdequateTrial.class).stream().map(AdequateTrial::trial),
            evaluation.factsOf(ExcludedTrial.class).stream().map(ExcludedTrial::trial))
        .distinct()
        .sorted(BY_START)
        .map(MedicationTrial::statementId)
        .filter(Objects::nonNull)
        .map(id -> "MedicationStatement/" + id)
        .distinct()
        .toList();
  }

  static String formatMg(double mg) {
    return mg == Math.rint(mg) ? String.valueOf((long) mg) : String.valueOf(mg);
  }
}
