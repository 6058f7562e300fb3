package org.ketaminecds.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The card files ({@code *.card.yaml}) of a rules folder: topic to card text. */
public final class CardFiles {

  private CardFiles() {}

  /**
   * {@code {{blood-pressure.systolic-limit}}}: a parameter of parameters.yaml, by its dotted key.
   */
  private static final Pattern PARAMETER =
      Pattern.compile("\\{\\{([a-z0-9-]+(?:\\.[a-z0-9-]+)+)}}");

  /**
   * The cards with every {@code {{section.key}}} of their summary and detail replaced by that
   * parameter's value, so that the words follow parameters.yaml (a card never says 140/90 when the
   * limit is 130). A placeholder that names no parameter is a problem of the card. Placeholders
   * without a dot ({@code {{findings}}}, {@code {{evidence}}}) are filled per call, later.
   *
   * @param parameters null when parameters.yaml did not read (its problem is reported already)
   */
  static Map<String, CardTemplate> withParameters(
      Map<String, CardTemplate> cards, YamlData parameters, List<RuleProblem> problems) {
    if (parameters == null) {
      return cards;
    }
    var filled = new TreeMap<String, CardTemplate>();
    cards.forEach(
        (topic, card) -> {
          String summary = fill(card, card.summary(), parameters, problems);
          String detail = fill(card, card.detail(), parameters, problems);
          filled.put(topic, card.withText(summary, detail));
        });
    return filled;
  }

  private static String fill(
      CardTemplate card, String text, YamlData parameters, List<RuleProblem> problems) {
    Matcher placeholder = PARAMETER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      Object value = parameters.scalarOrNull(placeholder.group(1));
      if (value == null) {
        problems.add(
            new RuleProblem(
                card.topic() + ".card.yaml",
                0,
                0,
                "{{"
                    + placeholder.group(1)
                    + "}} is not a parameter of parameters.yaml; write it as section.key, e.g."
                    + " {{blood-pressure.systolic-limit}}"));
        value = placeholder.group();
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(value)));
    }
    placeholder.appendTail(filled);
    return filled.toString();
  }

  /** Every card of {@code source} by topic; what is wrong with a file is added to problems. */
  public static Map<String, CardTemplate> read(RuleSource source, List<RuleProblem> problems) {
    var templates = new TreeMap<String, CardTemplate>();
    source
        .filesEndingWith(".card.yaml")
        .forEach(
            (path, text) -> {
              try {
                CardTemplate template = CardTemplateReader.read(YamlData.parse(path, text));
                CardTemplate previous = templates.put(template.topic(), template);
                if (previous != null) {
                  problems.add(
                      new RuleProblem(
                          path, 0, 0, "the topic " + template.topic() + " has two card files"));
                }
              } catch (InvalidRuleSetException e) {
                problems.addAll(e.problems());
              }
            });
    return templates;
  }
}
