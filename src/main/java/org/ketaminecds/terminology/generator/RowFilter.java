package org.ketaminecds.terminology.generator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * One part of a value set in {@code value-sets.yaml}: a code list and the filters its rows must
 * pass ({@code display-matches}, {@code codes}, {@code cites-vsac}, ...).
 */
record RowFilter(String file, Predicate<CodeRow> keep, Set<String> vsacNames, Set<String> tags) {

  /** The filter fields a part may have, besides {@code file}. */
  static final List<String> FIELDS =
      List.of(
          "display-matches",
          "display-starts-with",
          "display-is",
          "codes",
          "code-starts-with",
          "except-codes",
          "systems",
          "cites-vsac",
          "source-tag",
          "augmentation-agent",
          "antidepressant-trial");

  /**
   * The part described by {@code fields} (only the filter fields and {@code file} are read).
   *
   * @param notATrial RxNorm products the class map flags as not an antidepressant trial
   */
  static RowFilter of(String where, Map<String, Object> fields, Set<String> notATrial) {
    String file = text(where, fields, "file");
    Predicate<CodeRow> keep = row -> true;
    Set<String> vsacNames = Set.of();
    Set<String> tags = Set.of();
    for (var field : fields.entrySet()) {
      String name = field.getKey();
      Object value = field.getValue();
      Predicate<CodeRow> test =
          switch (name) {
            case "display-matches" -> {
              Pattern pattern = pattern(where, text(where, fields, name));
              yield row -> pattern.matcher(row.display()).find();
            }
            case "display-starts-with" -> {
              String prefix = text(where, fields, name);
              yield row -> row.display().startsWith(prefix);
            }
            case "display-is" -> {
              String display = text(where, fields, name);
              yield row -> row.display().equals(display);
            }
            case "codes" -> {
              Set<String> codes = texts(where, name, value);
              yield row -> codes.contains(row.code());
            }
            case "code-starts-with" -> {
              String prefix = text(where, fields, name);
              yield row -> row.code().startsWith(prefix);
            }
            case "except-codes" -> {
              Set<String> codes = texts(where, name, value);
              yield row -> !codes.contains(row.code());
            }
            case "systems" -> {
              Set<String> systems = texts(where, name, value);
              yield row -> systems.contains(row.system());
            }
            case "cites-vsac" -> {
              Set<String> names = texts(where, name, value);
              vsacNames = names;
              yield row -> SourceText.vsacNames(row.source()).stream().anyMatch(names::contains);
            }
            case "source-tag" -> {
              Set<String> wanted = texts(where, name, value);
              tags = wanted;
              yield row -> SourceText.leadingTag(row.source()).filter(wanted::contains).isPresent();
            }
            case "augmentation-agent" -> {
              boolean wanted = bool(where, name, value);
              yield row -> ValueSetCatalog.ingredientClass(row).augmentationAgent() == wanted;
            }
            case "antidepressant-trial" -> {
              boolean wanted = bool(where, name, value);
              yield row -> notATrial.contains(row.code()) != wanted;
            }
            default -> null;
          };
      if (test != null) {
        keep = keep.and(test);
      }
    }
    return new RowFilter(file, keep, vsacNames, tags);
  }

  /** Whether a source part names one of this part's VSAC sets (what the description cites). */
  Optional<Predicate<String>> relevantSource() {
    if (vsacNames.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(part -> SourceText.vsacNames(part).stream().anyMatch(vsacNames::contains));
  }

  private static String text(String where, Map<String, Object> fields, String name) {
    Object value = fields.get(name);
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    if (value instanceof Number n && !name.equals("file")) {
      return n.toString();
    }
    throw new IllegalStateException(where + ": '" + name + "' must be a text, not " + value);
  }

  private static Set<String> texts(String where, String name, Object value) {
    List<?> list = value instanceof List<?> l ? l : List.of(String.valueOf(value));
    if (list.isEmpty() || list.stream().anyMatch(v -> v == null || v instanceof Map)) {
      throw new IllegalStateException(where + ": '" + name + "' must be a list of texts");
    }
    return list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
  }

  private static boolean bool(String where, String name, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalStateException(where + ": '" + name + "' must be true or false, not " + value);
  }

  private static Pattern pattern(String where, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(
          where + ": 'display-matches' is not a valid regular expression: " + e.getDescription());
    }
  }
}
