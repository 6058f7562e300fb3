package org.ketaminecds.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.rules.CardTemplate.Link;
import org.ketaminecds.rules.CardTemplate.SuggestionText;

/** Reads one {@code *.card.yaml}: the words of one card topic. */
final class CardTemplateReader {

  private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
  static final int SUMMARY_LIMIT = 140;

  private CardTemplateReader() {}

  static CardTemplate read(YamlData yaml) {
    String indicator = yaml.text("indicator");
    if (!INDICATORS.contains(indicator)) {
      throw yaml.error("'indicator' must be info, warning or critical, not " + indicator);
    }
    String summary = yaml.text("summary");
    if (summary.replace("{{findings}}", "").replace("{{count}}", "").length() >= SUMMARY_LIMIT) {
      throw yaml.error("'summary' must stay under " + SUMMARY_LIMIT + " characters");
    }
    List<Link> links = yaml.optionalRows("links").stream().map(row -> link(yaml, row)).toList();
    return new CardTemplate(
        yaml.text("topic"),
        yaml.text("title"),
        indicator,
        summary,
        yaml.text("detail"),
        yaml.text("source.label"),
        yaml.text("source.url"),
        links,
        // Snooze is on unless the rule author turns it off for the topic (issue 14).
        yaml.optionalYesNo("snooze", true),
        yaml.optionalText("definition"),
        suggestions(yaml));
  }

  /** {@code suggestions}: rows of id, label and description, each id once. */
  private static Map<String, SuggestionText> suggestions(YamlData yaml) {
    var suggestions = new LinkedHashMap<String, SuggestionText>();
    for (Map<String, Object> row : yaml.optionalRows("suggestions")) {
      if (!(row.get("id") instanceof String id)
          || !(row.get("label") instanceof String label)
          || !(row.get("description") instanceof String description)
          || label.isBlank()
          || description.isBlank()) {
        throw yaml.error(
            "each suggestion needs an id, a label and a description; this one does not: " + row);
      }
      if (suggestions.put(id, new SuggestionText(label.strip(), description.strip())) != null) {
        throw yaml.error("the suggestion " + id + " is listed twice");
      }
    }
    return suggestions;
  }

  private static Link link(YamlData yaml, Map<String, Object> row) {
    if (!(row.get("label") instanceof String label)
        || !(row.get("url") instanceof String url)
        || !url.startsWith("https://")) {
      throw yaml.error("each link needs a label and an https url; this one does not: " + row);
    }
    return new Link(label, url);
  }
}
