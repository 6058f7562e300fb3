package org.ketaminecds.scenarios;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;

/**
 * A fact of working memory told in words for rule authors (the rules check and the workbench): each
 * field by its name in words ("condition id"), yes/no for true/false, dates as ISO (yyyy-MM-dd),
 * codes and categories as they are, empty fields left out. Read from the record's components, so a
 * new fact record needs nothing here; a type declared in DRL keeps its own text.
 */
public final class FactWords {

  private static final int LIST_ITEMS_SHOWN = 10;

  private FactWords() {}

  /** One field of a fact: its name in words and its value in words. */
  public record Field(String name, String value) {}

  /** The fields of a fact in words, in the record's order; one field "" for a non-record. */
  public static List<Field> fields(Object fact) {
    if (!fact.getClass().isRecord()) {
      return List.of(new Field("", String.valueOf(fact)));
    }
    var fields = new ArrayList<Field>();
    for (RecordComponent component : fact.getClass().getRecordComponents()) {
      Object value = valueOf(component, fact);
      if (value == null || (value instanceof Collection<?> c && c.isEmpty())) {
        continue;
      }
      fields.add(new Field(words(component.getName()), valueWords(value)));
    }
    return fields;
  }

  /** The fact on one line: {@code Diagnosis: category dementia; active yes; onset 2025-02-10}. */
  public static String line(Object fact) {
    return type(fact) + ": " + inline(fact);
  }

  /** The fact's type as rules name it. */
  public static String type(Object fact) {
    return fact.getClass().getSimpleName();
  }

  /**
   * Whether the fact is one of the reference tables every call sees (the parameters and the minimum
   * dose table), not something of the chart.
   */
  public static boolean isReference(Object fact) {
    return fact instanceof Parameters || fact instanceof MinimumDose;
  }

  private static String inline(Object fact) {
    return fields(fact).stream()
        .map(field -> field.name().isEmpty() ? field.value() : field.name() + " " + field.value())
        .collect(Collectors.joining("; "));
  }

  private static Object valueOf(RecordComponent component, Object fact) {
    try {
      return component.getAccessor().invoke(fact);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "(cannot be read: " + e.getClass().getSimpleName() + ")";
    }
  }

  static String valueWords(Object value) {
    if (value instanceof Boolean yes) {
      return yes ? "yes" : "no";
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue())
          .stripTrailingZeros()
          .toPlainString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    if (value instanceof TemporalAccessor) {
      return value.toString(); // java.time prints ISO 8601: 2025-02-10
    }
    if (value instanceof Collection<?> items) {
      List<String> shown =
          items.stream().limit(LIST_ITEMS_SHOWN).map(FactWords::valueWords).toList();
      int more = items.size() - shown.size();
      return "[" + String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "") + "]";
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + valueWords(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value.getClass().isRecord()) {
      return type(value) + " (" + inline(value) + ")";
    }
    return String.valueOf(value);
  }

  /** {@code conditionId} as {@code condition id}; {@code doseMg} as {@code dose mg}. */
  static String words(String camelCase) {
    return camelCase
        .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
        .toLowerCase(Locale.ROOT);
  }
}
