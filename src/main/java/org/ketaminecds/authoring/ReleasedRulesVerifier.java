package org.ketaminecds.authoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * <p>Usage: {@code ReleasedRulesVerifier <rules folder> <classes folder>}.
 */
public final class ReleasedRulesVerifier {

  private ReleasedRulesVerifier() {}

  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[1]);
    Files.deleteIfExists(classes.resolve(BuildVerification.FILE));
    RuleSource source = RuleSourceReader.fromFolder(Path.of(args[0]));
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
   * One scenario per hook, the one expecting the most cards (ties: first by name), so that the
   * start-up's warm-up goes through as much of the decision path as a real call can.
   */
  static List<String> warmUp(Map<String, String> scenarioFiles) {
    var reader = new ScenarioReader(ca.uhn.fhir.context.FhirContext.forR4Cached());
    Map<String, Scenario> best = new LinkedHashMap<>();
    new TreeMap<>(scenarioFiles)
        .forEach(
            (name, text) -> {
              Scenario scenario = reader.read(name, text);
              Scenario known = best.get(scenario.hook());
              if (known == null || scenario.expectedCards().size() > known.expectedCards().size()) {
                best.put(scenario.hook(), scenario);
              }
            });
    var names = new ArrayList<String>();
    new TreeMap<>(best).values().forEach(scenario -> names.add(scenario.name()));
    return names;
  }
}
