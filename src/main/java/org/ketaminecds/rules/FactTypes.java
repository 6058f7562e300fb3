package org.ketaminecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The fact types a rule can match, for error messages: the records of {@code org.ketaminecds.facts}
 * (found on the class path, so a new record needs no list kept by hand) and the types the DRL files
 * declare themselves ({@code declare NoResponse ... end}).
 */
final class FactTypes {

  private static final String FACTS_PACKAGE = "org.ketaminecds.facts";
  private static final Pattern DECLARE =
      Pattern.compile("(?ms)^\\s*declare\\s+(\\w+)\\s*$(.*?)^\\s*end\\b");
  private static final Pattern DECLARED_FIELD =
      Pattern.compile("(?m)^\\s*(\\w+)\\s*:\\s*[\\w.<>]+");
  private static final int NEAREST = 5;

  /** Simple name to class name of the fact records. */
  private final Map<String, String> records;

  private FactTypes(Map<String, String> records) {
    this.records = records;
  }

  /** The fact records of the class path; scanned once, when a DRL error needs them. */
  static FactTypes onClassPath() {
    var records = new TreeMap<String, String>();
    try {
      Resource[] classes =
          new PathMatchingResourcePatternResolver(FactTypes.class.getClassLoader())
              .getResources("classpath*:" + FACTS_PACKAGE.replace('.', '/') + "/*.class");
      for (Resource resource : classes) {
        String name = String.valueOf(resource.getFilename()).replace(".class", "");
        if (!name.contains("$") && !name.equals("package-info") && isRecord(name)) {
          records.put(name, FACTS_PACKAGE + "." + name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FactTypes(records);
  }

  private static boolean isRecord(String simpleName) {
    try {
      return Class.forName(
              FACTS_PACKAGE + "." + simpleName, false, FactTypes.class.getClassLoader())
          .isRecord();
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The class name of a fact record by its simple name. */
  Optional<String> qualified(String simpleName) {
    return Optional.ofNullable(records.get(simpleName));
  }

  /** The names nearest to {@code name} among the fact records and the declared types. */
  List<String> nearest(String name, Map<String, String> drlFiles) {
    var names = new ArrayList<>(records.keySet());
    names.addAll(declared(drlFiles).keySet());
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return names.stream()
        .distinct()
        .sorted(
            Comparator.comparingInt(
                    (String known) -> distance(lower, known.toLowerCase(java.util.Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()))
        .limit(NEAREST)
        .toList();
  }

  /**
   * The fields of a fact type, in their declared order: a record's components, or the fields of a
   * type declared in DRL; empty when it is neither.
   */
  List<String> fieldsOf(String className, Map<String, String> drlFiles) {
    try {
      Class<?> type = Class.forName(className, false, FactTypes.class.getClassLoader());
      if (type.isRecord()) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
      }
    } catch (ClassNotFoundException e) {
      // a type declared in DRL: its fields are in the declaration
    }
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return declared(drlFiles).getOrDefault(simple, List.of());
  }

  private static Map<String, List<String>> declared(Map<String, String> drlFiles) {
    var declared = new TreeMap<String, List<String>>();
    for (String text : drlFiles.values()) {
      Matcher declaration = DECLARE.matcher(text);
      while (declaration.find()) {
        var fields = new ArrayList<String>();
        Matcher field = DECLARED_FIELD.matcher(declaration.group(2));
        while (field.find()) {
          fields.add(field.group(1));
        }
        declared.put(declaration.group(1), fields);
      }
    }
    return declared;
  }

  /** Levenshtein distance: how many letters to change, add or remove. */
  static int distance(String a, String b) {
    return LevenshteinDistance.getDefaultInstance().apply(a, b);
  }
}
