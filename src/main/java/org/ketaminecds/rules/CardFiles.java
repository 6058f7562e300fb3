package org.ketaminecds.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The card files ({@code *.card.yaml}) of a rules folder: topic to card text. */
public final class CardFiles {

  private CardFiles() {}

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
