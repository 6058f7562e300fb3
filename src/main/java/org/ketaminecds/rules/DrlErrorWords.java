package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says a Drools compiler error the way a rule author can act on it, at the line of the author's
 * construct: a missing bracket at the bracket that is never closed (Drools reports the next token,
 * often a line later), an unknown field with the fields the fact has, an unknown fact type with the
 * nearest known ones. What it does not recognise keeps Drools' words, without its error codes.
 */
final class DrlErrorWords {

  private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)$");
  private static final Pattern MISMATCHED =
      Pattern.compile("^(?:mismatched input|no viable alternative at input) '(.*?)'(.*)$");
  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
  private static final Pattern UNKNOWN_TYPE =
      Pattern.compile("^Unable to resolve ObjectType '([\\w.$]+)'");
  private static final String COMPILATION = "Rule Compilation error ";
  private static final Pattern UNRESOLVED_VARIABLE =
      Pattern.compile("^Rule Compilation error (\\$\\w+ cannot be resolved.*)$");
  private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s");

  private final Map<String, String> drlFiles;
  private final FactTypes factTypes;

  DrlErrorWords(Map<String, String> drlFiles, FactTypes factTypes) {
    this.drlFiles = drlFiles;
    this.factTypes = factTypes;
  }

  /**
   * The problems in plain words. A variable that "cannot be resolved" in a file with another error
   * follows from that error (its pattern did not compile) and is left out.
   */
  List<RuleProblem> explain(List<RuleProblem> problems) {
    var explained = new ArrayList<RuleProblem>();
    for (RuleProblem problem : problems) {
      if (UNRESOLVED_VARIABLE.matcher(problem.message()).matches()
          && problems.stream()
              .anyMatch(
                  other ->
                      other.file().equals(problem.file())
                          && !UNRESOLVED_VARIABLE.matcher(other.message()).matches())) {
        continue;
      }
      RuleProblem plain = explain(problem);
      if (!explained.contains(plain)) {
        explained.add(plain);
      }
    }
    return explained;
  }

  RuleProblem explain(RuleProblem problem) {
    String text = drlFiles.get(problem.file());
    String message = problem.message();
    if (text == null) {
      return problem;
    }
    Matcher parser = PARSER.matcher(message);
    if (parser.matches()) {
      int line = Integer.parseInt(parser.group(1));
      return brackets(problem.file(), text, line)
          .orElseGet(() -> unexpected(problem.file(), text, line, parser.group(3)));
    }
    if (message.startsWith(COMPILATION + "Syntax error")) {
      int line = Math.max(problem.line(), 1);
      return brackets(problem.file(), text, line)
          .orElseGet(
              () ->
                  new RuleProblem(
                      problem.file(),
                      problem.line(),
                      0,
                      "the rule's action (after 'then') is not valid Java: "
                          + message.substring(COMPILATION.length())));
    }
    Matcher field = UNKNOWN_FIELD.matcher(message);
    if (field.find()) {
      return unknownField(problem, text, field.group(1), field.group(2));
    }
    Matcher type = UNKNOWN_TYPE.matcher(message);
    if (type.find()) {
      return unknownType(problem, text, type.group(1));
    }
    if (message.startsWith(COMPILATION)) {
      return new RuleProblem(
          problem.file(),
          problem.line(),
          problem.column(),
          "the rule does not compile: " + message.substring(COMPILATION.length()));
    }
    return problem;
  }

  /**
   * A bracket or quote the author left open or closed once too often, in the rule around {@code
   * line}: Drools stumbles at the token after it, which may be lines later.
   */
  private static Optional<RuleProblem> brackets(String file, String text, int line) {
    String[] lines = text.split("\n", -1);
    int first = Math.min(line, lines.length) - 1;
    while (first > 0 && !RULE_START.matcher(lines[first]).find()) {
      first--;
    }
    int last = line;
    while (last < lines.length && !RULE_START.matcher(lines[last]).find()) {
      last++;
    }
    return BracketScan.of(lines, first, last).map(found -> found.problem(file));
  }

  private static RuleProblem unexpected(String file, String text, int line, String what) {
    Matcher mismatched = MISMATCHED.matcher(what);
    if (!mismatched.matches()) {
      return new RuleProblem(file, line, 0, "the rule cannot be read here: " + what);
    }
    String token = mismatched.group(1);
    String where = mismatched.group(2).strip();
    if (token.equals("end") && !ruleAround(text, line).contains("then")) {
      return new RuleProblem(file, line, 0, "'end' before 'then': the rule has no 'then' part");
    }
    return new RuleProblem(
        file,
        line,
        0,
        "'"
            + token
            + "' is not expected here"
            + (where.isEmpty() ? "" : " (" + where + ")")
            + "; look for a missing comma, operator or keyword just before it");
  }

  private static String ruleAround(String text, int line) {
    String[] lines = text.split("\n", -1);
    var rule = new StringBuilder();
    for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
      rule.insert(0, lines[i] + "\n");
      if (RULE_START.matcher(lines[i]).find()) {
        break;
      }
    }
    return rule.toString();
  }

  private RuleProblem unknownField(RuleProblem problem, String text, String type, String name) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    List<String> fields = factTypes.fieldsOf(type, drlFiles);
    return new RuleProblem(
        problem.file(),
        problem.line(),
        columnOf(text, problem.line(), name),
        simple
            + " has no field '"
            + name
            + "'"
            + (fields.isEmpty() ? "" : "; its fields are: " + String.join(", ", fields)));
  }

  private RuleProblem unknownType(RuleProblem problem, String text, String name) {
    int column = columnOf(text, problem.line(), name);
    Optional<String> known = factTypes.qualified(name);
    if (known.isPresent()) {
      return new RuleProblem(
          problem.file(),
          problem.line(),
          column,
          "'"
              + name
              + "' is a fact type, but this file does not import it; add: import "
              + known.get()
              + ";");
    }
    return new RuleProblem(
        problem.file(),
        problem.line(),
        column,
        "'"
            + name
            + "' is not a fact type; nearest: "
            + String.join(", ", factTypes.nearest(name, drlFiles)));
  }

  /** The 1-based column of {@code word} on that line, or 0 when it is not there. */
  private static int columnOf(String text, int line, String word) {
    String[] lines = text.split("\n", -1);
    if (line < 1 || line > lines.length) {
      return 0;
    }
    Matcher matcher = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(lines[line - 1]);
    return matcher.find() ? matcher.start() + 1 : 0;
  }
}
