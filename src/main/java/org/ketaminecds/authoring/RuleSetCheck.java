package org.ketaminecds.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.ketaminecds.rules.ConcludedTopics;
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
import org.ketaminecds.terminology.Terminology;
import org.ketaminecds.terminology.TerminologyTables;
import org.ketaminecds.terminology.generator.TerminologyFiles;

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
  private final Terminology terminology;

  public RuleSetCheck(
      RuleCompiler compiler,
      ScenarioReader reader,
      ScenarioRunner runner,
      Terminology terminology) {
    this.compiler = compiler;
    this.reader = reader;
    this.runner = runner;
    this.terminology = terminology;
  }

  /**
   * The value sets the rules of {@code source} run with: built from its terminology files, or the
   * live ones when it brings none; empty, with the problem added, when they do not build.
   */
  Optional<TerminologyTables> tables(RuleSource source, List<RuleProblem> problems) {
    Map<String, String> files = source.terminologyFiles();
    if (files.isEmpty()) {
      return Optional.of(terminology.live());
    }
    try {
      return Optional.of(terminology.tablesFor(files));
    } catch (RuntimeException e) {
      problems.add(terminologyProblem(String.valueOf(e.getMessage())));
      return Optional.empty();
    }
  }

  private static final java.util.regex.Pattern FILE_AND_LINE =
      java.util.regex.Pattern.compile(
          "^([\\w.-]+\\.(?:yaml|csv))(?:, line (\\d+))?: (.*)$", java.util.regex.Pattern.DOTALL);

  /** "value-sets.yaml, line 3: ..." or "dementia.csv: ..." as a problem at that file and line. */
  static RuleProblem terminologyProblem(String message) {
    var matcher = FILE_AND_LINE.matcher(message);
    if (!matcher.matches()) {
      return new RuleProblem(RuleSource.TERMINOLOGY + TerminologyFiles.CATALOGUE, 0, 0, message);
    }
    String file = matcher.group(1);
    String path = file.endsWith(".csv") ? TerminologyFiles.CODE_LISTS + file : file;
    int line = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
    return new RuleProblem(RuleSource.TERMINOLOGY + path, line, 0, matcher.group(3));
  }

  /** Runs {@code work} with the value sets of the rule set being checked. */
  <T> T using(TerminologyTables tables, java.util.function.Supplier<T> work) {
    return terminology.using(tables, work);
  }

  public CheckReport check(RuleSource source) {
    String version = source.version();
    // Reading the scenarios (parsing their FHIR resources) needs no rules: it runs on another core
    // while the rules compile.
    CompletableFuture<List<Read>> reading =
        CompletableFuture.supplyAsync(() -> read(source.scenarios()), SCENARIO_THREADS);
    var problems = new ArrayList<RuleProblem>();
    Optional<TerminologyTables> tables = tables(source, problems);
    tables.ifPresent(
        t -> problems.addAll(CategoryCheck.check(source.filesEndingWith(".drl"), t.valueSetIds())));
    RuleSet ruleSet;
    try {
      ruleSet = compiler.compile(source);
    } catch (InvalidRuleSetException e) {
      problems.addAll(e.problems());
      return new CheckReport(source.origin(), version, null, problems, List.of());
    }
    List<Read> scenarios = reading.join();
    scenarios.stream()
        .filter(read -> read.problem() != null)
        .forEach(read -> problems.add(read.problem()));
    problems.addAll(
        TopicCoverage.check(
            concluded(ruleSet.cardTemplates().keySet(), source),
            scenarios.stream().map(Read::scenario).filter(s -> s != null).toList()));
    if (tables.isEmpty()) {
      compiler.release(ruleSet);
      return new CheckReport(source.origin(), version, null, problems, List.of());
    }
    TerminologyTables checkedWith = tables.get();
    List<FailureExplanation.RuleText> ruleTexts =
        FailureExplanation.rules(source.filesEndingWith(".drl"));
    // Every scenario runs against the rule set that goes live; they are independent of each other
    // (a session each, as concurrent hook calls), so they run on every core.
    List<CompletableFuture<CheckReport.ScenarioOutcome>> running =
        scenarios.stream()
            .filter(read -> read.scenario() != null)
            .map(
                read ->
                    CompletableFuture.supplyAsync(
                        () -> terminology.using(checkedWith, () -> run(ruleSet, read, ruleTexts)),
                        SCENARIO_THREADS))
            .toList();
    List<CheckReport.ScenarioOutcome> outcomes =
        running.stream().map(CompletableFuture::join).toList();
    if (!problems.isEmpty() || outcomes.stream().anyMatch(o -> !o.passed())) {
      // Not going live: forget the compiled module so that failed attempts do not pile up.
      compiler.release(ruleSet);
    }
    return new CheckReport(source.origin(), version, ruleSet, problems, outcomes, checkedWith);
  }

  private CheckReport.ScenarioOutcome run(
      RuleSet ruleSet, Read read, List<FailureExplanation.RuleText> ruleTexts) {
    Scenario scenario = read.scenario();
    ScenarioResult result = runner.run(ruleSet, scenario);
    if (result.passed()) {
      return new CheckReport.ScenarioOutcome(scenario.name(), scenario.title(), List.of());
    }
    return new CheckReport.ScenarioOutcome(
        scenario.name(),
        scenario.title(),
        result.failures(),
        FailureExplanation.of(scenario, result.advice(), ruleTexts),
        result.advice().cards());
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

  /** The topics of card files that a rule concludes: only those can be shown by a scenario. */
  private static Set<String> concluded(Set<String> cardTopics, RuleSource source) {
    Set<String> concluded = ConcludedTopics.in(source.filesEndingWith(".drl").values());
    return cardTopics.stream()
        .filter(concluded::contains)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }
}
