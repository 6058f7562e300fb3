package org.ketaminecds.workbench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ketaminecds.advice.Advice;
import org.ketaminecds.cards.Card;
import org.ketaminecds.rules.Evaluation;

/**
 * The answer of one evaluation for the page: the cards as an EHR gets them (and each detail as
 * HTML, by {@link CardMarkdown}), the rules that fired in order (and those whose card conclusion
 * was retracted, {@link RetractedConclusions}), the facts they saw, and for a scenario what it
 * expects and how the cards differ from that ({@code failures} empty means the scenario passes).
 *
 * @param notes what the author should know about the input, e.g. entries left out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EvaluationView(
    String ruleSetVersion,
    String hook,
    LocalDate asOf,
    List<Card> cards,
    List<String> detailsHtml,
    List<String> firedRules,
    List<String> retractedRules,
    List<FactView> facts,
    List<String> notes,
    ScenarioSummary scenario,
    Expected expected,
    List<String> failures) {

  /** The cards a scenario expects: topic to indicator, and texts each detail must contain. */
  record Expected(Map<String, String> cards, Map<String, List<String>> detailContains) {}

  static EvaluationView of(
      String ruleSetVersion,
      String hook,
      LocalDate asOf,
      Advice advice,
      List<String> notes,
      Map<String, String> ruleTopics) {
    Evaluation evaluation = advice.evaluation();
    var allNotes = new ArrayList<>(notes);
    if (!advice.rulesRan()) {
      // The order services answer at once when no draft order is of ketamine or esketamine, or
      // when racemic ketamine is given for another reason than depression (contract rev. 2).
      allNotes.add(
          "No psychiatric ketamine or esketamine draft order (none, or racemic ketamine for"
              + " another reason or without a depressive disorder): the "
              + hook
              + " service answers no cards without running the rules");
    }
    return new EvaluationView(
        ruleSetVersion,
        hook,
        asOf,
        advice.cards(),
        CardMarkdown.html(advice.cards().stream().map(Card::detail).toList()),
        evaluation == null ? List.of() : evaluation.firedRules(),
        evaluation == null
            ? List.of()
            : RetractedConclusions.of(ruleTopics, evaluation.firedRules(), evaluation.facts()),
        evaluation == null ? List.of() : FactView.of(evaluation.facts()),
        List.copyOf(allNotes),
        null,
        null,
        null);
  }

  EvaluationView withScenario(ScenarioSummary summary, Expected expectation, List<String> diff) {
    return new EvaluationView(
        ruleSetVersion,
        hook,
        asOf,
        cards,
        detailsHtml,
        firedRules,
        retractedRules,
        facts,
        notes,
        summary,
        expectation,
        List.copyOf(diff));
  }
}
