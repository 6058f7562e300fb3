package org.ketaminecds.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ketaminecds.rules.InvalidRuleSetException;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleProblem;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.rules.RuleSource;
import org.ketaminecds.scenarios.InvalidScenarioException;
import org.ketaminecds.scenarios.Scenario;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.scenarios.ScenarioResult;
import org.ketaminecds.scenarios.ScenarioRunner;

/**
 * Checks a rules folder the way it must be checked before it goes live: it compiles, and every
 * scenario of the folder gives exactly the cards it expects. Shared by the service (start-up and
 * live reload) and the authors' command ({@code rules check}).
 */
public final class RuleSetCheck {

  private final RuleCompiler compiler;
  private final ScenarioReader reader;
  private final ScenarioRunner runner;

  public RuleSetCheck(RuleCompiler compiler, ScenarioReader reader, ScenarioRunner runner) {
    this.compiler = compiler;
    this.reader = reader;
    this.runner = runner;
  }

  public CheckReport check(RuleSource source) {
    String version = source.version();
    RuleSet ruleSet;
    try {
      ruleSet = compiler.compile(source);
    } catch (InvalidRuleSetException e) {
      return new CheckReport(source.origin(), version, null, e.problems(), List.of());
    }
    var problems = new ArrayList<RuleProblem>();
    var outcomes = new ArrayList<CheckReport.ScenarioOutcome>();
    for (Map.Entry<String, String> file : ruleSet.scenarios().entrySet()) {
      try {
        Scenario scenario = reader.read(file.getKey(), file.getValue());
        ScenarioResult result = runner.run(ruleSet, scenario);
        outcomes.add(
            new CheckReport.ScenarioOutcome(scenario.name(), scenario.title(), result.failures()));
      } catch (InvalidScenarioException e) {
        problems.add(new RuleProblem("scenarios/" + file.getKey() + ".json", 0, 0, e.getMessage()));
      }
    }
    if (!problems.isEmpty() || outcomes.stream().anyMatch(o -> !o.passed())) {
      // Not going live: forget the compiled module so that failed attempts do not pile up.
      compiler.release(ruleSet);
    }
    return new CheckReport(source.origin(), version, ruleSet, problems, outcomes);
  }
}
