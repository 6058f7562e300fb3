package org.ketaminecds.authoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.ketaminecds.cards.Card;
import org.ketaminecds.rules.RuleProblem;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.terminology.TerminologyTables;

/**
 * The verdict on a rules folder: the compiled rule set when it compiled, the problems (file, line,
 * message) when it did not, and each scenario's failures.
 *
 * @param ruleSet null when the folder did not compile
 * @param scenarios every scenario that ran, with its failures (empty when it passed)
 * @param terminology the value sets the scenarios ran with, which go live with the rules; null when
 *     the live ones stay
 */
public record CheckReport(
    String origin,
    String version,
    RuleSet ruleSet,
    List<RuleProblem> problems,
    List<ScenarioOutcome> scenarios,
    TerminologyTables terminology) {

  public CheckReport {
    problems = List.copyOf(problems);
    scenarios = List.copyOf(scenarios);
  }

  /** A verdict that leaves the live value sets as they are. */
  public CheckReport(
      String origin,
      String version,
      RuleSet ruleSet,
      List<RuleProblem> problems,
      List<ScenarioOutcome> scenarios) {
    this(origin, version, ruleSet, problems, scenarios, null);
  }

  /**
   * One scenario's outcome: what differs from its expectation, in plain words, and for a failed one
   * why ({@link FailureExplanation}) and the cards it gave (to accept them as its new expectation).
   *
   * @param why the rules and facts behind a missing or unexpected card; empty when it passed
   * @param cards the cards the scenario gave, when it failed; not shown at /admin/rules
   */
  public record ScenarioOutcome(
      String name,
      String title,
      List<String> failures,
      List<String> why,
      @JsonIgnore List<Card> cards) {
    public ScenarioOutcome {
      failures = List.copyOf(failures);
      why = List.copyOf(why);
      cards = List.copyOf(cards);
    }

    public ScenarioOutcome(String name, String title, List<String> failures) {
      this(name, title, failures, List.of(), List.of());
    }

    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** The rules may go live: they compiled and every scenario passed. */
  public boolean passed() {
    return ruleSet != null
        && problems.isEmpty()
        && scenarios.stream().allMatch(ScenarioOutcome::passed);
  }

  public long failedScenarios() {
    return scenarios.stream().filter(s -> !s.passed()).count();
  }
}
