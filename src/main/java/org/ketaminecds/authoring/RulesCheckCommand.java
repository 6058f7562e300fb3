package org.ketaminecds.authoring;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ketaminecds.rules.RuleSourceReader;

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

  static final String USAGE =
      "Usage: java -jar ketamine-cds.jar rules check [--rules FOLDER] [--value-sets FOLDER]"
          + " [--only NAME] [--quiet] [--debug] [--accept SCENARIO]... [--accept-all]";

  public static int run(String[] args, PrintStream out) {
    Path folder = Path.of("rules");
    Path valueSets = null;
    String only = null;
    boolean quiet = false;
    boolean debug = false;
    var accept = new java.util.ArrayList<String>();
    boolean acceptAll = false;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--rules" -> folder = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--value-sets" -> valueSets = i + 1 < args.length ? Path.of(args[++i]) : null;
        case "--only" -> only = i + 1 < args.length ? args[++i] : null;
        case "--quiet" -> quiet = true;
        case "--debug" -> debug = true;
        case "--accept" -> {
          if (i + 1 < args.length) {
            accept.add(args[++i]);
          } else {
            folder = null;
          }
        }
        case "--accept-all" -> acceptAll = true;
        default -> folder = null;
      }
      if (folder == null || (args[i].startsWith("--") && !isFlag(args[i]))) {
        out.println(USAGE);
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
    CheckLogging.quiet(debug);
    out.println(
        "Checking the rules in "
            + folder.toAbsolutePath().normalize()
            + (Files.isDirectory(valueSets)
                ? " with the value sets of " + valueSets.toAbsolutePath().normalize()
                : " with the value sets released in the jar"));
    CheckReport report = checker().check(RuleSourceReader.fromFolders(folder, valueSets));
    boolean passed = new CheckPrinter(out, only, quiet).print(report);
    if (accept.isEmpty() && !acceptAll) {
      return passed ? 0 : 1;
    }
    return accept(report, folder, acceptAll ? failedMatching(report, only) : accept, only, out);
  }

  /**
   * Accepts the scenarios' actual cards as their expectation; 0 when every one was accepted and
   * nothing else fails.
   */
  private static int accept(
      CheckReport report, Path folder, List<String> names, String only, PrintStream out) {
    if (names.isEmpty()) {
      out.println("\nNo failed scenario to accept.");
      return report.passed() ? 0 : 1;
    }
    boolean accepted = new ExpectationAcceptor(folder, out).accept(report, names);
    boolean othersPass =
        report.problems().isEmpty()
            && report.scenarios().stream()
                .filter(s -> only == null || s.name().contains(only))
                .allMatch(s -> s.passed() || names.contains(s.name()));
    return accepted && othersPass ? 0 : 1;
  }

  private static List<String> failedMatching(CheckReport report, String only) {
    return report.scenarios().stream()
        .filter(s -> !s.passed() && (only == null || s.name().contains(only)))
        .map(CheckReport.ScenarioOutcome::name)
        .toList();
  }

  private static boolean isFlag(String arg) {
    return arg.equals("--quiet") || arg.equals("--debug") || arg.equals("--accept-all");
  }

  static void print(CheckReport report, PrintStream out) {
    new CheckPrinter(out, null, false).print(report);
  }

  /** {@code fhir-profiles} beside the rules folder: where the service looks by default. */
  static Path valueSetsBeside(Path rules) {
    Path parent = rules.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("fhir-profiles") : parent.resolve("fhir-profiles");
  }

  /** The check of the service's decision path ({@link DecisionPath}), without a web server. */
  static RuleSetCheck checker() {
    return DecisionPath.released().check();
  }
}
