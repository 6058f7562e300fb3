package org.ketaminecds.authoring;

import ca.uhn.fhir.context.FhirContext;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ketaminecds.advice.ClinicalAdvisor;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.facts.fhir.DraftOrderReader;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleEvaluator;
import org.ketaminecds.rules.RuleProblem;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.scenarios.ScenarioRunner;
import org.ketaminecds.terminology.Terminology;

/**
 * The authors' check, before a change is deployed: {@code java -jar ketamine-cds.jar rules check
 * --rules ./rules}. Compiles the folder and runs its scenarios exactly as the service would, and
 * says what is wrong in plain words. Exit status 0 only when everything passes.
 */
public final class RulesCheckCommand {

  private RulesCheckCommand() {}

  /** Whether the program's arguments ask for this command rather than the service. */
  public static boolean isRequested(String[] args) {
    return args.length >= 2 && args[0].equals("rules") && args[1].equals("check");
  }

  public static int run(String[] args, PrintStream out) {
    Path folder = Path.of("rules");
    Path valueSets = null;
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--rules") && i + 1 < args.length) {
        folder = Path.of(args[++i]);
      } else if (args[i].equals("--value-sets") && i + 1 < args.length) {
        valueSets = Path.of(args[++i]);
      } else {
        out.println(
            "Usage: java -jar ketamine-cds.jar rules check [--rules FOLDER] [--value-sets FOLDER]");
        return 2;
      }
    }
    if (!Files.isDirectory(folder)) {
      out.println("There is no rules folder at " + folder.toAbsolutePath().normalize());
      return 2;
    }
    if (valueSets == null) {
      valueSets = valueSetsBeside(folder);
    }
    out.println(
        "Checking the rules in "
            + folder.toAbsolutePath().normalize()
            + (Files.isDirectory(valueSets)
                ? " with the value sets of " + valueSets.toAbsolutePath().normalize()
                : " with the value sets released in the jar"));
    CheckReport report = checker().check(RuleSourceReader.fromFolders(folder, valueSets));
    print(report, out);
    return report.passed() ? 0 : 1;
  }

  static void print(CheckReport report, PrintStream out) {
    if (report.ruleSet() == null) {
      out.println("\nThe rules do not compile. Fix these, then check again:");
      report.problems().forEach(problem -> out.println("  ✘ " + describe(problem)));
      out.println("\nFAILED: the rules would not go live.");
      return;
    }
    out.printf(
        "  ✔ compiled: %d rules, %d card topics (version %s)%n",
        report.ruleSet().ruleCount(), report.ruleSet().cardTemplates().size(), report.version());
    report.problems().forEach(problem -> out.println("  ✘ " + describe(problem)));
    for (CheckReport.ScenarioOutcome scenario : report.scenarios()) {
      if (scenario.passed()) {
        out.println("  ✔ scenario " + scenario.name());
      } else {
        out.println("  ✘ scenario " + scenario.name() + " (" + scenario.title() + ")");
        scenario.failures().forEach(failure -> out.println("      - " + failure));
      }
    }
    if (report.passed()) {
      out.printf(
          "%nPASSED: all %d scenarios give the cards they expect.%n", report.scenarios().size());
    } else {
      out.printf(
          "%nFAILED: %d of %d scenarios, %d other problem(s); the rules would not go live.%n",
          report.failedScenarios(), report.scenarios().size(), report.problems().size());
    }
  }

  private static String describe(RuleProblem problem) {
    String where = problem.file();
    if (problem.line() > 0) {
      where += ", line " + problem.line();
    }
    return where + ": " + problem.message();
  }

  /** {@code fhir-profiles} beside the rules folder: where the service looks by default. */
  static Path valueSetsBeside(Path rules) {
    Path parent = rules.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("fhir-profiles") : parent.resolve("fhir-profiles");
  }

  /** The same parts the service wires, without starting a web server. */
  static RuleSetCheck checker() {
    FhirContext fhirContext = FhirContext.forR4Cached();
    Terminology terminology = new Terminology();
    var advisor =
        new ClinicalAdvisor(
            new ChartFacts(terminology), new DraftOrderReader(terminology), new RuleEvaluator());
    return new RuleSetCheck(
        new RuleCompiler(),
        new ScenarioReader(fhirContext),
        new ScenarioRunner(advisor),
        terminology);
  }
}
