package org.ketaminecds.terminology.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The value-set catalogue, {@code value-sets.yaml}: which rows of which code lists make up each of
 * the project's value sets. Data, not code, so that a rule author adds a value set with a code list
 * and one line, and the running service picks it up. The ids are what the rules refer to.
 */
final class ValueSetCatalog {

  static final String FILE = "value-sets.yaml";
  static final String ANTIDEPRESSANT_INGREDIENTS = "antidepressant_ingredients_rxnorm.csv";
  static final String ANTIDEPRESSANT_ATC = "antidepressant_atc_n06a.csv";

  /** Esketamine is the treatment being considered, never a failed antidepressant trial. */
  static final String ESKETAMINE_ATC = "N06AX27";

  private static final List<String> ENTRY_FIELDS;

  static {
    var fields = new ArrayList<>(List.of("title", "purpose", "file", "from", "also-cites"));
    fields.addAll(RowFilter.FIELDS);
    ENTRY_FIELDS = List.copyOf(fields);
  }

  private final String yaml;
  private final CodeLists lists;
  private final List<ProductMapping> productMappings;

  ValueSetCatalog(String yaml, CodeLists lists, List<ProductMapping> productMappings) {
    this.yaml = yaml;
    this.lists = lists;
    this.productMappings = productMappings;
  }

  /** The value sets of the catalogue, in its order; fails with a message naming the entry. */
  List<ValueSetSpec> specs() {
    return specs(true);
  }

  /**
   * @param describe whether to collect the sources a published description cites; the service's
   *     lookup tables need only the members
   */
  List<ValueSetSpec> specs(boolean describe) {
    Set<String> notATrial =
        productMappings.stream()
            .filter(mapping -> mapping.notATrialReason().isPresent())
            .map(ProductMapping::rxnormCode)
            .collect(Collectors.toSet());
    List<ValueSetSpec> specs = new ArrayList<>();
    Map<String, List<RowFilter>> splits = new LinkedHashMap<>();
    entries()
        .forEach(
            (id, entry) -> {
              String where = FILE + ": value set '" + id + "'";
              List<RowFilter> parts = parts(where, entry, notATrial);
              specs.add(spec(where, id, entry, parts, describe));
              parts.stream()
                  .filter(p -> !p.vsacNames().isEmpty() || !p.tags().isEmpty())
                  .forEach(p -> splits.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
            });
    splits.forEach(this::checkEveryRowPlaced);
    return specs;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> entries() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new IllegalStateException(
          FILE + (mark == null ? "" : ", line " + (mark.getLine() + 1)) + ": " + e.getProblem());
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new IllegalStateException(FILE + ": expected one entry per value set, id: {...}");
    }
    var entries = new LinkedHashMap<String, Map<String, Object>>();
    map.forEach(
        (id, entry) -> {
          if (!(entry instanceof Map<?, ?> fields)) {
            throw new IllegalStateException(
                FILE + ": value set '" + id + "' must be {file: ..., title: ..., purpose: ...}");
          }
          entries.put(String.valueOf(id), (Map<String, Object>) fields);
        });
    return entries;
  }

  @SuppressWarnings("unchecked")
  private List<RowFilter> parts(String where, Map<String, Object> entry, Set<String> notATrial) {
    for (String field : entry.keySet()) {
      if (!ENTRY_FIELDS.contains(field)) {
        throw new IllegalStateException(
            where + ": unknown field '" + field + "'; a value set has " + ENTRY_FIELDS);
      }
    }
    if (entry.containsKey("file") == entry.containsKey("from")) {
      throw new IllegalStateException(where + ": give either 'file' or 'from', not both or none");
    }
    if (entry.containsKey("file")) {
      return List.of(checked(where, RowFilter.of(where, entry, notATrial)));
    }
    if (!(entry.get("from") instanceof List<?> from) || from.isEmpty()) {
      throw new IllegalStateException(where + ": 'from' must be a list of {file: ..., filters}");
    }
    var parts = new ArrayList<RowFilter>();
    for (Object part : from) {
      if (!(part instanceof Map<?, ?> fields)) {
        throw new IllegalStateException(where + ": each part of 'from' is {file: ..., filters}");
      }
      for (Object field : fields.keySet()) {
        if (!field.equals("file") && !RowFilter.FIELDS.contains(field)) {
          throw new IllegalStateException(
              where + ": unknown filter '" + field + "'; filters are " + RowFilter.FIELDS);
        }
      }
      parts.add(checked(where, RowFilter.of(where, (Map<String, Object>) fields, notATrial)));
    }
    return parts;
  }

  private RowFilter checked(String where, RowFilter part) {
    if (!lists.has(part.file())) {
      throw new IllegalStateException(
          where + ": there is no code list '" + part.file() + "' in code-lists/");
    }
    return part;
  }

  private ValueSetSpec spec(
      String where, String id, Map<String, Object> entry, List<RowFilter> parts, boolean describe) {
    String title = text(where, entry, "title");
    String purpose = text(where, entry, "purpose");
    var files = new LinkedHashSet<String>();
    var rows = new ArrayList<CodeRow>();
    for (RowFilter part : parts) {
      files.add(part.file());
      lists.verified(part.file()).stream().filter(part.keep()).forEach(rows::add);
    }
    if (entry.get("also-cites") instanceof List<?> extra) {
      extra.forEach(file -> files.add(String.valueOf(file)));
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException(where + ": selects no code from " + files);
    }
    List<CodeRow> members = ValueSetSpec.deduplicate(rows);
    if (!describe) {
      return new ValueSetSpec(
          id, title, purpose, List.copyOf(files), members, List.of(), List.of());
    }
    Optional<Predicate<String>> relevant =
        parts.stream()
            .map(RowFilter::relevantSource)
            .flatMap(Optional::stream)
            .reduce(Predicate::or);
    return new ValueSetSpec(
        id,
        title,
        purpose,
        List.copyOf(files),
        members,
        relevant
            .map(cited -> SourceText.distinctParts(members, cited))
            .orElseGet(() -> SourceText.distinctParts(members)),
        SourceText.repositories(members));
  }

  /** A list split by VSAC name or source tag must put every row somewhere: none is lost. */
  private void checkEveryRowPlaced(String file, List<RowFilter> parts) {
    for (CodeRow row : lists.verified(file)) {
      if (parts.stream().noneMatch(part -> part.keep().test(row))) {
        throw new IllegalStateException(
            FILE
                + ": "
                + file
                + " is split by value set, but its row "
                + row.system()
                + "|"
                + row.code()
                + " (source \""
                + row.source()
                + "\") lands in none; add its VSAC name or [tag] to a value set");
      }
    }
  }

  private static String text(String where, Map<String, Object> entry, String field) {
    if (entry.get(field) instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    throw new IllegalStateException(where + ": '" + field + "' must be a text");
  }

  static DrugClass ingredientClass(CodeRow row) {
    return DrugClass.parse(
        SourceText.drugClass(row.source())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        ANTIDEPRESSANT_INGREDIENTS
                            + ": "
                            + row.code()
                            + " has no class= in its source")));
  }
}
