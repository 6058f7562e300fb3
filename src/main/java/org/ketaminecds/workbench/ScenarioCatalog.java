package org.ketaminecds.workbench;

import java.util.ArrayList;
import java.util.List;
import org.ketaminecds.rules.ActiveRuleSet;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenarios of the live rule set, read at each request: when new rules go live, their scenarios
 * come with them.
 */
@Component
class ScenarioCatalog {

  private final JsonMapper json = JsonMapper.builder().build();
  private final ActiveRuleSet rules;

  ScenarioCatalog(ActiveRuleSet rules) {
    this.rules = rules;
  }

  /**
   * Names and titles in name order. A file that cannot be read is still listed, with the reason as
   * its title, so that the author sees it and evaluating it shows the full error.
   */
  List<ScenarioSummary> list() {
    var summaries = new ArrayList<ScenarioSummary>();
    rules.current().scenarios().forEach((name, text) -> summaries.add(summary(name, text)));
    return summaries;
  }

  String text(String name) {
    String text = rules.current().scenarios().get(name);
    if (text == null) {
      throw WorkbenchRequestException.unknownScenario(name);
    }
    return text;
  }

  ScenarioSummary summary(String name, String text) {
    try {
      JsonNode root = json.readTree(text);
      return new ScenarioSummary(
          name, field(root, "title", name), field(root, "hook", null), field(root, "asOf", null));
    } catch (JacksonException e) {
      return new ScenarioSummary(name, name + " (not valid JSON)", null, null);
    }
  }

  private static String field(JsonNode root, String name, String otherwise) {
    JsonNode value = root == null ? null : root.get(name);
    return value != null && value.isString() ? value.asString() : otherwise;
  }
}
