package org.ketaminecds.authoring;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ketaminecds.rules.RuleSource;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.scenarios.Scenario;
import org.ketaminecds.scenarios.ScenarioReader;

/**
 * The build step that checks the released rules ({@code rules/}) the way the service checks a
 * folder before it goes live ({@link RulesCheckCommand#checker()}: the same parts the service
 * wires) and, when they pass, leaves the {@link BuildVerification} stamp in the classes folder. Run
 * by Maven at {@code prepare-package}, after the tests, so that only a packaged service carries it.
 * A failing folder gets no stamp (and the service checks it at start-up, and refuses it).
 *
 * <p>Usage: {@code ReleasedRulesVerifier <rules folder> <classes folder>}; the value sets are those
 * of the folder {@code fhir-profiles} beside the rules folder, as the service reads them.
 */
public final class ReleasedRulesVerifier {

  private ReleasedRulesVerifier() {}

  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[1]);
    Files.deleteIfExists(classes.resolve(BuildVerification.FILE));
    Path rules = Path.of(args[0]);
    RuleSource source =
        RuleSourceReader.fromFolders(rules, RulesCheckCommand.valueSetsBeside(rules));
    CheckReport report = RulesCheckCommand.checker().check(source);
    if (!report.passed()) {
      System.out.println(
          "Released rules NOT verified (no stamp): "
              + report.problems().size()
              + " problem(s), "
              + report.failedScenarios()
              + " failed scenario(s); run 'rules check' for the details");
      return;
    }
    BuildVerification stamp = stamp(source, report);
    stamp.write(classes);
    System.out.println(
        "Released rules "
            + stamp.rulesVersion()
            + " verified: "
            + stamp.scenarios().size()
            + " scenarios passed with code "
            + stamp.codeFingerprint()
            + "; start-up warms up with "
            + stamp.warmUp());
  }

  static BuildVerification stamp(RuleSource source, CheckReport report) {
    var scenarios = new TreeMap<String, String>();
    report.scenarios().forEach(outcome -> scenarios.put(outcome.name(), outcome.title()));
    return new BuildVerification(
        source.version(),
        BuildVerification.currentCodeFingerprint(),
        scenarios,
        warmUp(report.ruleSet().scenarios()));
  }

  /**
   * Few scenarios (greedily; ties first by name): the one expecting the most cards of each hook,
   * then more until every card topic of the folder is expected by one. The start-up's warm-up then
   * goes through each hook and each card-making rule and card template, as real calls will.
   */
  static List<String> warmUp(Map<String, String> scenarioFiles) {
    var reader = new ScenarioReader(FhirContext.forR4Cached());
    var all = new ArrayList<Scenario>();
    Map<String, List<Scenario>> byHook = new TreeMap<>();
    new TreeMap<>(scenarioFiles)
        .forEach(
            (name, text) -> {
              Scenario scenario = reader.read(name, text);
              all.add(scenario);
              byHook.computeIfAbsent(scenario.hook(), hook -> new ArrayList<>()).add(scenario);
            });
    Set<String> uncovered = new TreeSet<>();
    all.forEach(scenario -> uncovered.addAll(scenario.expectedCards().keySet()));
    var chosen = new ArrayList<Scenario>();
    byHook.values().forEach(scenarios -> chosen.add(best(scenarios, uncovered)));
    chosen.forEach(scenario -> uncovered.removeAll(scenario.expectedCards().keySet()));
    while (!uncovered.isEmpty()) {
      Scenario next = best(all, uncovered);
      chosen.add(next);
      uncovered.removeAll(next.expectedCards().keySet());
    }
    return chosen.stream().map(Scenario::name).toList();
  }

  /** The scenario expecting the most of {@code topics}; the first by name among equals. */
  private static Scenario best(List<Scenario> scenarios, Set<String> topics) {
    Scenario best = scenarios.get(0);
    long bestCount = -1;
    for (Scenario scenario : scenarios) {
      long count = scenario.expectedCards().keySet().stream().filter(topics::contains).count();
      if (count > bestCount) {
        best = scenario;
        bestCount = count;
      }
    }
    return best;
  }
}
