package org.ketaminecds.authoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ketaminecds.advice.Advice;
import org.ketaminecds.cards.Card;
import org.ketaminecds.scenarios.FactWords;
import org.ketaminecds.scenarios.Scenario;

/**
 * Why a scenario did not give the cards it expects, for the author: for a card missing or not
 * expected, the rules that conclude its topic, whether they fired, and the facts of the types they
 * match (in words, or "none"); then every rule that fired and every fact the chart gave.
 */
final class FailureExplanation {

  private static final Pattern RULE =
      Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b");
  private static final Pattern TOPIC =
      Pattern.compile("Finding\\.of\\(\\s*\"([^\"]+)\"|@topic\\(\\s*\"([^\"]+)\"");
  private static final Pattern WHEN_THEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");
  private static final Pattern PATTERN_TYPE = Pattern.compile("(?<![.\\w$])([A-Z]\\w*)\\s*\\(");
  private static final int FACTS_PER_TYPE = 5;

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  /**
   * A rule of the folder: its name, file, the topics it concludes, and its patterns (a fact type
   * with its constraints, as written: {@code Diagnosis( category == "dementia", active )}).
   */
  record RuleText(String name, String file, Set<String> topics, List<Match> matches) {}

  /** One pattern of a rule's conditions: the fact type and the pattern as written. */
  record Match(String type, String pattern) {}

  private FailureExplanation() {}

  /** The rules of the DRL files, read once per check. */
  static List<RuleText> rules(Map<String, String> drlFiles) {
    var rules = new ArrayList<RuleText>();
    drlFiles.forEach(
        (file, text) -> {
          Matcher rule = RULE.matcher(text);
          while (rule.find()) {
            String body = rule.group(2);
            var topics = new LinkedHashSet<String>();
            Matcher topic = TOPIC.matcher(body);
            while (topic.find()) {
              topics.add(topic.group(1) != null ? topic.group(1) : topic.group(2));
            }
            var matches = new LinkedHashSet<Match>();
            Matcher when = WHEN_THEN.matcher(body);
            if (when.find()) {
              String conditions = when.group(1);
              Matcher type = PATTERN_TYPE.matcher(conditions);
              while (type.find()) {
                matches.add(new Match(type.group(1), pattern(conditions, type.start(1))));
              }
            }
            rules.add(new RuleText(rule.group(1), file, topics, List.copyOf(matches)));
          }
        });
    return rules;
  }

  /** The pattern from its type to its closing parenthesis, on one line. */
  private static String pattern(String conditions, int start) {
    int depth = 0;
    for (int i = conditions.indexOf('(', start); i >= 0 && i < conditions.length(); i++) {
      char c = conditions.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return conditions.substring(start, i + 1).replaceAll("\\s+", " ");
      }
    }
    return conditions.substring(start).replaceAll("\\s+", " ").strip();
  }

  static List<String> of(Scenario scenario, Advice advice, List<RuleText> rules) {
    var lines = new ArrayList<String>();
    if (!advice.rulesRan()) {
      lines.add(
          "no rule ran: on "
              + scenario.hook()
              + " the draft orders hold no psychiatric ketamine or esketamine order");
      return lines;
    }
    var shown = new LinkedHashSet<String>();
    advice.cards().forEach(card -> shown.add(topic(card)));
    List<String> fired = advice.evaluation().firedRules();
    List<Object> facts = advice.evaluation().facts();
    for (String topic : scenario.expectedCards().keySet()) {
      if (!shown.contains(topic)) {
        explainTopic(topic, "missing", rules, fired, facts, lines);
      }
    }
    for (String topic : shown) {
      if (!scenario.expectedCards().containsKey(topic)) {
        explainTopic(topic, "not expected", rules, fired, facts, lines);
      }
    }
    lines.add("rules fired (" + fired.size() + "): " + (fired.isEmpty() ? "none" : join(fired)));
    List<String> chart =
        facts.stream()
            .filter(fact -> !FactWords.isReference(fact))
            .map(FactWords::line)
            .sorted()
            .toList();
    lines.add("facts (" + chart.size() + "):");
    chart.forEach(fact -> lines.add("  " + fact));
    return lines;
  }

  private static void explainTopic(
      String topic,
      String what,
      List<RuleText> rules,
      List<String> fired,
      List<Object> facts,
      List<String> lines) {
    List<RuleText> concluding = rules.stream().filter(r -> r.topics().contains(topic)).toList();
    if (concluding.isEmpty()) {
      lines.add(topic + " (" + what + "): no rule concludes this topic");
      return;
    }
    for (RuleText rule : concluding) {
      lines.add(
          topic
              + " ("
              + what
              + "): rule \""
              + rule.name()
              + "\" ("
              + rule.file()
              + ") "
              + (fired.contains(rule.name()) ? "fired" : "did not fire")
              + "; it matches:");
      for (Match match : rule.matches()) {
        lines.add("  " + match.pattern() + "? " + factsOf(match, facts));
      }
    }
  }

  /**
   * The facts of the pattern's type, those that share a quoted value with the pattern first (the
   * dementia diagnosis for {@code Diagnosis( category == "dementia" )}).
   */
  private static String factsOf(Match match, List<Object> facts) {
    var quoted = new ArrayList<String>();
    Matcher value = QUOTED.matcher(match.pattern());
    while (value.find()) {
      quoted.add(value.group(1));
    }
    List<Object> ofType =
        facts.stream()
            .filter(f -> FactWords.type(f).equals(match.type()))
            .sorted(
                java.util.Comparator.comparing(
                    f -> quoted.stream().noneMatch(q -> FactWords.line(f).contains(q))))
            .toList();
    if (ofType.isEmpty()) {
      return "none";
    }
    if (FactWords.isReference(ofType.get(0))) {
      return "yes (from parameters.yaml)";
    }
    List<String> described =
        ofType.stream()
            .limit(FACTS_PER_TYPE)
            .map(f -> inline(f).isEmpty() ? "yes" : "{" + inline(f) + "}")
            .toList();
    int more = ofType.size() - described.size();
    return join(described) + (more > 0 ? " and " + more + " more" : "");
  }

  private static String inline(Object fact) {
    String line = FactWords.line(fact);
    return line.substring(line.indexOf(": ") + 2);
  }

  private static String topic(Card card) {
    return card.source().topic().code();
  }

  private static String join(List<String> items) {
    return String.join(", ", items);
  }
}
