package org.ketaminecds.authoring;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a scenario's {@code expect} object in the files' own style (two spaces, {@code "key":
 * value}) and puts it in place of the old one, leaving every other character of the file as the
 * author wrote it.
 */
final class ScenarioJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ScenarioJson() {}

  /** The expect object for a top-level member of the file (its lines indented by two spaces). */
  static String expect(
      Map<String, String> cards,
      Map<String, List<String>> detailContains,
      Map<String, List<String>> suggestions) {
    var members = new java.util.ArrayList<String>();
    members.add("    \"cards\": " + object(cards, ScenarioJson::quoted, "    "));
    if (!detailContains.isEmpty()) {
      members.add("    \"detailContains\": " + object(detailContains, ScenarioJson::array, "    "));
    }
    if (!suggestions.isEmpty()) {
      members.add("    \"suggestions\": " + object(suggestions, ScenarioJson::array, "    "));
    }
    return "{\n" + String.join(",\n", members) + "\n  }";
  }

  private static <T> String object(
      Map<String, T> map, java.util.function.BiFunction<T, String, String> value, String indent) {
    if (map.isEmpty()) {
      return "{}";
    }
    return map.entrySet().stream()
        .map(
            e ->
                indent
                    + "  "
                    + quoted(e.getKey(), "")
                    + ": "
                    + value.apply(e.getValue(), indent + "  "))
        .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
  }

  private static String array(List<String> items, String indent) {
    return items.stream()
        .map(item -> indent + "  " + quoted(item, ""))
        .collect(Collectors.joining(",\n", "[\n", "\n" + indent + "]"));
  }

  private static String quoted(String text, String indent) {
    return JSON.writeValueAsString(text);
  }

  /**
   * The file with the value of its top-level {@code "expect"} member replaced.
   *
   * @throws IllegalArgumentException when the file has no top-level expect object
   */
  static String replaceExpect(String text, String replacement) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        int end = endOfString(text, i);
        if (depth == 1 && text.substring(i, end + 1).equals("\"expect\"")) {
          int colon = text.indexOf(':', end);
          int start = colon + 1;
          while (Character.isWhitespace(text.charAt(start))) {
            start++;
          }
          if (text.charAt(start) != '{') {
            break;
          }
          int close = closingBrace(text, start);
          return text.substring(0, start) + replacement + text.substring(close + 1);
        }
        i = end;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    throw new IllegalArgumentException("the file has no \"expect\" object to replace");
  }

  private static int endOfString(String text, int start) {
    for (int i = start + 1; i < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '"') {
        return i;
      }
    }
    return text.length() - 1;
  }

  private static int closingBrace(String text, int start) {
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = endOfString(text, i);
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("the \"expect\" object is not closed");
  }
}
