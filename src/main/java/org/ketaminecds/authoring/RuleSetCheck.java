package org.ketaminecds.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
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

  /**
   * Threads that read and run scenarios, one per core. Not the common fork-join pool: its threads
   * carry the system class loader as context class loader, and in the packaged service Drools finds
   * its modules (truth maintenance among them) through the context class loader, so a rule set
   * first used there fails. These threads carry the service's class loader.
   */
  private static final Executor SCENARIO_THREADS =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          runnable -> {
            Thread thread = new Thread(runnable, "rules-check");
            thread.setDaemon(true);
            thread.setContextClassLoader(RuleSetCheck.class.getClassLoader());
            return thread;
          });

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
    // Reading the scenarios (parsing their FHIR resources) needs no rules: it runs on another core
    // while the rules compile.
    CompletableFuture<List<Read>> reading =
        CompletableFuture.supplyAsync(() -> read(source.scenarios()), SCENARIO_THREADS);
    RuleSet ruleSet;
    try {
      ruleSet = compiler.compile(source);
    } catch (InvalidRuleSetException e) {
      return new CheckReport(source.origin(), version, null, e.problems(), List.of());
    }
    List<Read> scenarios = reading.join();
    var problems = new ArrayList<RuleProblem>();
    scenarios.stream()
        .filter(read -> read.problem() != null)
        .forEach(read -> problems.add(read.problem()));
    // Every scenario runs against the rule set that goes live; they are independent of each other
    // (a session each, as concurrent hook calls), so they run on every core.
    List<CompletableFuture<CheckReport.ScenarioOutcome>> running =
        scenarios.stream()
            .filter(read -> read.scenario() != null)
            .map(read -> CompletableFuture.supplyAsync(() -> run(ruleSet, read), SCENARIO_THREADS))
            .toList();
    List<CheckReport.ScenarioOutcome> outcomes =
        running.stream().map(CompletableFuture::join).toList();
    if (!problems.isEmpty() || outcomes.stream().anyMatch(o -> !o.passed())) {
      // Not going live: forget the compiled module so that failed attempts do not pile up.
      compiler.release(ruleSet);
    }
    return new CheckReport(source.origin(), version, ruleSet, problems, outcomes);
  }

  private CheckReport.ScenarioOutcome run(RuleSet ruleSet, Read read) {
    ScenarioResult result = runner.run(ruleSet, read.scenario());
    return new CheckReport.ScenarioOutcome(
        read.scenario().name(), read.scenario().title(), result.failures());
  }

  /** A scenario file read, or what is wrong with it. */
  private record Read(Scenario scenario, RuleProblem problem) {}

  private List<Read> read(Map<String, String> files) {
    var read = new ArrayList<Read>();
    files.forEach(
        (name, text) -> {
          try {
            read.add(new Read(reader.read(name, text), null));
          } catch (InvalidScenarioException e) {
            read.add(
                new Read(
                    null, new RuleProblem("scenarios/" + name + ".json", 0, 0, e.getMessage())));
          }
        });
    return read;
  }
}
