package org.ketaminecds.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.ketaminecds.rules.RuleProblem;

/**
 * The value sets a rule names ({@code category == "dementia"}, {@code category in ("a", "b")}) must
 * exist: a misspelt one would match nothing, silently. Says which names come nearest.
 */
final class CategoryCheck {

  private static final Pattern EQUALS = Pattern.compile("\\bcategory\\s*==\\s*\"([^\"]*)\"");
  private static final Pattern IN = Pattern.compile("\\bcategory\\s+in\\s*\\(([^)]*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final int NEAREST = 5;

  private CategoryCheck() {}

  /** A problem at the line and column of each name that is not a value set. */
  static List<RuleProblem> check(Map<String, String> drlFiles, Set<String> valueSets) {
    var problems = new ArrayList<RuleProblem>();
    drlFiles.forEach(
        (path, text) -> {
          Matcher equals = EQUALS.matcher(text);
          while (equals.find()) {
            check(path, text, equals.group(1), equals.start(1), valueSets, problems);
          }
          Matcher in = IN.matcher(text);
          while (in.find()) {
            Matcher names = QUOTED.matcher(in.group(1));
            while (names.find()) {
              int at = in.start(1) + names.start(1);
              check(path, text, names.group(1), at, valueSets, problems);
            }
          }
        });
    return problems;
  }

  private static void check(
      String path,
      String text,
      String name,
      int offset,
      Set<String> valueSets,
      List<RuleProblem> problems) {
    if (valueSets.contains(name)) {
      return;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    problems.add(new RuleProblem(path, line, offset - lineStart + 1, message(name, valueSets)));
  }

  /** {@code 'glaucoma' is not a value set; known: a, b, c, d, e (and 19 more ...)}. */
  static String message(String name, Set<String> valueSets) {
    List<String> nearest =
        valueSets.stream()
            .sorted(
                Comparator.comparingInt((String known) -> distance(name, known))
                    .thenComparing(Comparator.naturalOrder()))
            .limit(NEAREST)
            .toList();
    int more = valueSets.size() - nearest.size();
    return "'"
        + name
        + "' is not a value set; known: "
        + String.join(", ", nearest)
        + (more > 0 ? " (and " + more + " more in fhir-profiles/value-sets.yaml)" : "");
  }

  /** Levenshtein distance: how many letters to change, add or remove. */
  static int distance(String a, String b) {
    return LevenshteinDistance.getDefaultInstance().apply(a, b);
  }
}
