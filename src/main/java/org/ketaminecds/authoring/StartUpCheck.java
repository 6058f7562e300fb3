package org.ketaminecds.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ketaminecds.rules.InvalidRuleSetException;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.rules.RuleSource;
import org.ketaminecds.scenarios.InvalidScenarioException;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.scenarios.ScenarioResult;
import org.ketaminecds.scenarios.ScenarioRunner;
import org.ketaminecds.terminology.TerminologyTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check of a rules folder before it goes live at start-up. A folder the build already checked
 * with this very code ({@link BuildVerification#covers}: same hash of every rule file, same
 * application classes, value sets and decision-path libraries) is compiled and goes live without
 * running all its scenarios again: running them was about a quarter of the start-up. It still runs
 * a few (each hook, and together every card topic of the folder), which loads and compiles the
 * decision path before Tomcat opens (the first EHR call must not pay for that) and re-checks a
 * sample; should one fail, or anything not match, the folder gets the {@link RuleSetCheck full
 * check}, as every other folder does.
 */
final class StartUpCheck {

  private static final Logger log = LoggerFactory.getLogger(StartUpCheck.class);

  private final RuleSetCheck fullCheck;
  private final RuleCompiler compiler;
  private final ScenarioReader reader;
  private final ScenarioRunner runner;
  private final ReleaseStamp stamp;

  StartUpCheck(
      RuleSetCheck fullCheck,
      RuleCompiler compiler,
      ScenarioReader reader,
      ScenarioRunner runner,
      ReleaseStamp stamp) {
    this.fullCheck = fullCheck;
    this.compiler = compiler;
    this.reader = reader;
    this.runner = runner;
    this.stamp = stamp;
  }

  CheckReport check(RuleSource source) {
    long started = System.nanoTime();
    Optional<BuildVerification> covering = stamp.covering(source);
    if (covering.isEmpty()) {
      log.info(
          "Rules {} ({}) not verified by this build: running all scenarios",
          source.version(),
          source.origin());
      return fullCheck.check(source);
    }
    long verified = System.nanoTime();
    Optional<TerminologyTables> tables = fullCheck.tables(source, new ArrayList<>());
    if (tables.isEmpty()) {
      return fullCheck.check(source);
    }
    RuleSet ruleSet;
    try {
      ruleSet = compiler.compile(source);
    } catch (InvalidRuleSetException e) {
      return fullCheck.check(source);
    }
    long compiled = System.nanoTime();
    BuildVerification stamped = covering.get();
    if (!ruleSet.scenarios().keySet().equals(stamped.scenarios().keySet())
        || !fullCheck.using(tables.get(), () -> warmUpPasses(ruleSet, stamped.warmUp()))) {
      log.warn(
          "Rules {} do not behave as the build verified: running all scenarios", ruleSet.version());
      compiler.release(ruleSet);
      return fullCheck.check(source);
    }
    var outcomes = new ArrayList<CheckReport.ScenarioOutcome>();
    stamped
        .scenarios()
        .forEach(
            (name, title) -> outcomes.add(new CheckReport.ScenarioOutcome(name, title, List.of())));
    log.info(
        "Rules {} verified by this build ({} scenarios passed with code {}): stamp checked in {}"
            + " ms, compiled in {} ms, warmed up with {} in {} ms",
        ruleSet.version(),
        outcomes.size(),
        stamped.codeFingerprint(),
        (verified - started) / 1_000_000,
        (compiled - verified) / 1_000_000,
        stamped.warmUp(),
        (System.nanoTime() - compiled) / 1_000_000);
    return new CheckReport(
        source.origin(), source.version(), ruleSet, List.of(), outcomes, tables.get());
  }

  private boolean warmUpPasses(RuleSet ruleSet, List<String> names) {
    for (String name : names) {
      String text = ruleSet.scenarios().get(name);
      if (text == null) {
        return false;
      }
      try {
        ScenarioResult result = runner.run(ruleSet, reader.read(name, text));
        if (!result.passed()) {
          return false;
        }
      } catch (InvalidScenarioException e) {
        return false;
      }
    }
    return true;
  }
}
