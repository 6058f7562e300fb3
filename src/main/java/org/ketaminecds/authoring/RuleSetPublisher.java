package org.ketaminecds.authoring;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleProblem;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.rules.RuleSource;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.rules.RulesProperties;
import org.ketaminecds.terminology.Terminology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts rule sets live, and only checked ones. At start-up ({@link #publishAtStartUp}): the rules
 * folder if it passes its checks, else the rules released in the jar. While running: a changed
 * folder is compiled and its scenarios run beside the live rules; it replaces them only if
 * everything passes, and the replaced module is released so that reloads do not leak. A failed
 * attempt leaves the live rules as they are and is reported at {@code /admin/rules}.
 */
@Component
public class RuleSetPublisher {

  private static final Logger log = LoggerFactory.getLogger(RuleSetPublisher.class);

  private final RulesProperties properties;
  private final ActiveRuleSet active;
  private final RuleSetCheck check;
  private final StartUpCheck startUpCheck;
  private final RuleCompiler compiler;
  private final Terminology terminology;
  private final Clock clock;
  private volatile RulesStatus.Live live;
  private volatile RulesStatus.Attempt lastAttempt;

  RuleSetPublisher(
      RulesProperties properties,
      ActiveRuleSet active,
      RuleSetCheck check,
      StartUpCheck startUpCheck,
      RuleCompiler compiler,
      Terminology terminology,
      Clock clock) {
    this.terminology = terminology;
    this.properties = properties;
    this.active = active;
    this.check = check;
    this.startUpCheck = startUpCheck;
    this.compiler = compiler;
    this.clock = clock;
  }

  /**
   * Puts the first rule set live: the rules folder if it passes its checks, else the rules released
   * in the jar. Called once, by the start-up ({@link AuthoringConfiguration#startUpRules}), before
   * the service takes calls.
   *
   * @throws IllegalStateException when the released rules fail their checks: the service cannot
   *     start
   */
  RulesStatus.Live publishAtStartUp() {
    RulesStatus.Attempt rejected = null;
    if (Files.isDirectory(properties.dir())) {
      CheckReport report =
          attempt(
              RuleSourceReader.fromFolders(properties.dir(), properties.valueSets()),
              startUpCheck::check);
      if (report.passed()) {
        return live;
      }
      rejected = lastAttempt;
      log.error(
          "The rules folder {} fails its checks; answering with the rules released in the jar",
          report.origin());
    } else {
      log.info(
          "No rules folder at {}; answering with the rules released in the jar", properties.dir());
    }
    CheckReport released = attempt(RuleSourceReader.fromClasspath(), startUpCheck::check);
    if (!released.passed()) {
      throw new IllegalStateException(
          "The rules released in the jar fail their checks: "
              + released.problems()
              + " "
              + released.scenarios().stream().filter(s -> !s.passed()).toList());
    }
    if (rejected != null) {
      lastAttempt = rejected; // what the author must fix stays visible at /admin/rules
    }
    return live;
  }

  /** Checks the rules folder now and puts it live if it passes. */
  public synchronized CheckReport reload() {
    return attempt(RuleSourceReader.fromFolders(properties.dir(), properties.valueSets()));
  }

  private CheckReport attempt(RuleSource source) {
    return attempt(source, check::check);
  }

  /** At start-up {@code checker} is the {@link StartUpCheck}, later the full check. */
  private synchronized CheckReport attempt(
      RuleSource source, Function<RuleSource, CheckReport> checker) {
    long started = System.nanoTime();
    RuleSet running = live == null ? null : active.current();
    if (running != null && running.version().equals(source.version())) {
      if (lastAttempt != null && RulesStatus.FAILED.equals(lastAttempt.outcome())) {
        // the folder reads again and is what is live: the failure is over
        lastAttempt =
            new RulesStatus.Attempt(
                clock.instant(), source.origin(), source.version(), "live", List.of(), List.of());
      }
      return new CheckReport(source.origin(), source.version(), running, List.of(), List.of());
    }
    CheckReport report = checker.apply(source);
    long millis = (System.nanoTime() - started) / 1_000_000;
    Instant now = clock.instant();
    List<CheckReport.ScenarioOutcome> failed =
        report.scenarios().stream().filter(s -> !s.passed()).toList();
    if (report.passed()) {
      RuleSet next = report.ruleSet();
      if (report.terminology() != null) {
        // value sets first: the new rules may name a new one, the old rules know theirs
        terminology.publish(report.terminology());
      }
      RuleSet replaced = active.swap(next);
      if (replaced != null) {
        compiler.release(replaced);
      }
      live =
          new RulesStatus.Live(
              next.version(),
              next.origin(),
              next.ruleCount(),
              next.cardTemplates().size(),
              next.scenarios().size(),
              now);
      lastAttempt =
          new RulesStatus.Attempt(
              now, source.origin(), report.version(), "live", List.of(), List.of());
      log.info(
          "Rule set {} is live: {} rules, {} card topics, {} scenarios passed, checked in {} ms",
          next.version(),
          next.ruleCount(),
          next.cardTemplates().size(),
          report.scenarios().size(),
          millis);
    } else {
      lastAttempt =
          new RulesStatus.Attempt(
              now, source.origin(), report.version(), "rejected", report.problems(), failed);
      log.warn(
          "Rule set {} from {} rejected after {} ms: {} problem(s), {} failed scenario(s); {}",
          report.version(),
          source.origin(),
          millis,
          report.problems().size(),
          failed.size(),
          running == null ? "no rules live yet" : "rule set " + running.version() + " stays live");
      report.problems().forEach(problem -> log.warn("  {}", problem));
      failed.forEach(s -> log.warn("  scenario {}: {}", s.name(), s.failures()));
    }
    return report;
  }

  /**
   * A reload that threw rather than giving a verdict (an unreadable file, a class missing from a
   * jar rebuilt under the service): the live rules stay, and the failure shows at {@code
   * /admin/rules} and in the health of the rules until a reload succeeds.
   */
  void failed(String reason) {
    lastAttempt =
        new RulesStatus.Attempt(
            clock.instant(),
            properties.dir().toAbsolutePath().normalize().toString(),
            null,
            RulesStatus.FAILED,
            List.of(new RuleProblem(properties.dir().toString(), 0, 0, reason)),
            List.of());
  }

  RulesStatus.Live live() {
    return live;
  }

  RulesStatus.Attempt lastAttempt() {
    return lastAttempt;
  }
}
