package org.ketaminecds.authoring;

import java.io.PrintStream;
import java.util.List;
import org.ketaminecds.rules.RuleProblem;

/**
 * Prints a check's verdict for an author: what is wrong first (problems, then failed scenarios with
 * what differs), then, unless quiet, what passed; last the verdict line. {@code only} keeps the
 * scenarios whose name contains it.
 */
final class CheckPrinter {

  private final PrintStream out;
  private final String only;
  private final boolean quiet;

  CheckPrinter(PrintStream out, String only, boolean quiet) {
    this.out = out;
    this.only = only;
    this.quiet = quiet;
  }

  /** Prints the report; true when the rules (and the scenarios asked for) pass. */
  boolean print(CheckReport report) {
    List<CheckReport.ScenarioOutcome> scenarios =
        report.scenarios().stream().filter(s -> only == null || s.name().contains(only)).toList();
    List<CheckReport.ScenarioOutcome> failed = scenarios.stream().filter(s -> !s.passed()).toList();
    if (report.ruleSet() == null) {
      out.println("\nThe rules cannot go live. Fix these, then check again:");
      report.problems().forEach(problem -> out.println("  ✘ " + describe(problem)));
      out.println("\nFAILED: the rules do not compile or their value sets do not build.");
      return false;
    }
    report.problems().forEach(problem -> out.println("  ✘ " + describe(problem)));
    for (CheckReport.ScenarioOutcome scenario : failed) {
      out.println("  ✘ scenario " + scenario.name() + " (" + scenario.title() + ")");
      scenario.failures().forEach(failure -> out.println("      - " + failure));
      if (!scenario.why().isEmpty()) {
        out.println("      why:");
        scenario.why().forEach(line -> out.println("        " + line));
      }
    }
    boolean passed = report.problems().isEmpty() && failed.isEmpty();
    if (!quiet) {
      out.printf(
          "  ✔ compiled: %d rules, %d card topics (version %s)%n",
          report.ruleSet().ruleCount(), report.ruleSet().cardTemplates().size(), report.version());
      if (passed) {
        scenarios.forEach(scenario -> out.println("  ✔ scenario " + scenario.name()));
      } else {
        // The failures above are what matters: the scenarios that pass are only counted.
        out.printf("  ✔ %d other scenario(s) pass%n", scenarios.size() - failed.size());
      }
    }
    String which = only == null ? "" : " matching '" + only + "'";
    if (passed) {
      out.printf(
          "%nPASSED: all %d scenarios%s give the cards they expect.%n", scenarios.size(), which);
    } else {
      out.printf(
          "%nFAILED: %d of %d scenarios%s%s, %d other problem(s); the rules would not go"
              + " live.%n",
          failed.size(),
          scenarios.size(),
          which,
          failed.isEmpty()
              ? ""
              : failed.stream()
                  .map(CheckReport.ScenarioOutcome::name)
                  .collect(java.util.stream.Collectors.joining(", ", " (", ")")),
          report.problems().size());
    }
    return passed;
  }

  static String describe(RuleProblem problem) {
    String where = problem.file();
    if (problem.line() > 0) {
      where += ", line " + problem.line();
    }
    return where + ": " + problem.message();
  }
}
