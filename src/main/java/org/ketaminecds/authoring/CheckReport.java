package org.ketaminecds.authoring;

import java.util.List;
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

  /** One scenario's outcome: what differs from its expectation, in plain words. */
  public record ScenarioOutcome(String name, String title, List<String> failures) {
    public ScenarioOutcome {
      failures = List.copyOf(failures);
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
