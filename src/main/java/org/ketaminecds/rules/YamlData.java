package org.ketaminecds.rules;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Typed reads from a YAML file written by a rule author. Every mistake becomes a {@link
 * RuleProblem} naming the file and the key, never a stack trace.
 */
final class YamlData {

  private final String file;
  private final Map<String, Object> root;

  private YamlData(String file, Map<String, Object> root) {
    this.file = file;
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  static YamlData parse(String file, String text) {
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw problem(
          file,
          mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1,
          "not valid YAML: " + e.getProblem());
    } catch (RuntimeException e) {
      throw problem(file, 0, 0, "not valid YAML: " + e.getMessage());
    }
    if (!(loaded instanceof Map)) {
      throw problem(file, 0, 0, "expected keys and values at the top level");
    }
    return new YamlData(file, (Map<String, Object>) loaded);
  }

  private static InvalidRuleSetException problem(
      String file, int line, int column, String message) {
    return new InvalidRuleSetException(List.of(new RuleProblem(file, line, column, message)));
  }

  Object value(String dottedKey) {
    Object current = root;
    for (String part : dottedKey.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
        throw problem(file, 0, 0, "missing the key '" + dottedKey + "'");
      }
      current = map.get(part);
    }
    return current;
  }

  String text(String key) {
    Object value = value(key);
    if (!(value instanceof String s) || s.isBlank()) {
      throw problem(file, 0, 0, "'" + key + "' must be a text");
    }
    return s.strip();
  }

  String optionalText(String key) {
    return root.containsKey(key) ? text(key) : null;
  }

  int wholeNumber(String key) {
    Object value = value(key);
    if (!(value instanceof Integer i) || i < 0) {
      throw problem(
          file, 0, 0, "'" + key + "' must be a whole number of zero or more, not " + value);
    }
    return i;
  }

  /** A number of zero or more, whole or not (for example 0.5 mg/kg). */
  double number(String key) {
    Object value = value(key);
    if (!(value instanceof Number n) || n.doubleValue() < 0) {
      throw problem(file, 0, 0, "'" + key + "' must be a number of zero or more, not " + value);
    }
    return n.doubleValue();
  }

  boolean yesNo(String key) {
    Object value = value(key);
    if (!(value instanceof Boolean b)) {
      throw problem(file, 0, 0, "'" + key + "' must be true or false, not " + value);
    }
    return b;
  }

  boolean optionalYesNo(String key, boolean otherwise) {
    return root.containsKey(key) ? yesNo(key) : otherwise;
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> rows(String key) {
    Object value = value(key);
    if (!(value instanceof List<?> list) || !list.stream().allMatch(row -> row instanceof Map)) {
      throw problem(file, 0, 0, "'" + key + "' must be a list of entries");
    }
    return (List<Map<String, Object>>) list;
  }

  List<Map<String, Object>> optionalRows(String key) {
    return root.containsKey(key) ? rows(key) : List.of();
  }

  /**
   * The scalar at a dotted key ({@code blood-pressure.systolic-limit}), or null if there is none.
   */
  Object scalarOrNull(String dottedKey) {
    Object current = root;
    for (String part : dottedKey.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return null;
      }
      current = map.get(part);
    }
    return current instanceof Map || current instanceof List ? null : current;
  }

  InvalidRuleSetException error(String message) {
    return problem(file, 0, 0, message);
  }
}
