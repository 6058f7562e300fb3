package org.ketaminecds.terminology.generator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the free-text {@code source} column of the code lists. A source holds one or more
 * provenance parts separated by {@code " | "} or {@code " ; "}, each optionally led by a {@code
 * [tag]} and followed by a {@code [owner/repo@commit:path]} reference to the published expansion;
 * ingredient rows append {@code " ; class=..."}.
 */
final class SourceText {

  private static final Pattern PART_SEPARATOR = Pattern.compile(" \\| | ; ");
  private static final Pattern FILE_REFERENCE =
      Pattern.compile("\\s*\\[([\\w.-]+/[\\w.-]+)@([0-9a-f]{7,40}):[^\\]]*\\]");
  private static final Pattern LEADING_TAG = Pattern.compile("^\\[([^\\]]+)\\]");
  private static final Pattern VSAC_NAME = Pattern.compile("VSAC (.+?) \\d+(?:\\.\\d+)+ v\\d+");
  private static final Pattern CLASS = Pattern.compile("; class=(.+)$");

  private SourceText() {}

  /** The provenance parts of a source, file references and class annotations removed. */
  static List<String> parts(String source) {
    List<String> parts = new ArrayList<>();
    for (String part : PART_SEPARATOR.split(source)) {
      String name = FILE_REFERENCE.matcher(part).replaceAll("").strip();
      if (!name.isEmpty() && !name.startsWith("class=")) {
        parts.add(name);
      }
    }
    return parts;
  }

  /** Distinct source names of the given rows, in first-seen order. */
  static List<String> distinctParts(Collection<CodeRow> rows) {
    return distinctParts(rows, part -> true);
  }

  /** Distinct source names of the given rows that pass {@code relevant}, in first-seen order. */
  static List<String> distinctParts(Collection<CodeRow> rows, Predicate<String> relevant) {
    Set<String> names = new LinkedHashSet<>();
    for (CodeRow row : rows) {
      parts(row.source()).stream().filter(relevant).forEach(names::add);
    }
    return List.copyOf(names);
  }

  /** Distinct {@code owner/repo@commit} the rows' expansions were taken from. */
  static List<String> repositories(Collection<CodeRow> rows) {
    Set<String> repositories = new LinkedHashSet<>();
    for (CodeRow row : rows) {
      Matcher m = FILE_REFERENCE.matcher(row.source());
      while (m.find()) {
        repositories.add(m.group(1) + "@" + m.group(2));
      }
    }
    return List.copyOf(repositories);
  }

  /** The {@code [tag]} a source starts with, if any. */
  static Optional<String> leadingTag(String source) {
    Matcher m = LEADING_TAG.matcher(source);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Names of the VSAC value sets a source cites, e.g. {@code "Heart Failure"}. */
  static List<String> vsacNames(String source) {
    List<String> names = new ArrayList<>();
    Matcher m = VSAC_NAME.matcher(source);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The {@code class=} annotation of an ingredient row, e.g. {@code "SSRI"}. */
  static Optional<String> drugClass(String source) {
    Matcher m = CLASS.matcher(source);
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }
}
