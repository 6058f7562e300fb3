package org.ketaminecds.terminology.generator;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one generated ValueSet holds and how its description explains it.
 *
 * @param id the resource id the rules refer to, e.g. {@code "depressive-disorder"}
 * @param title human title
 * @param purpose one sentence: what the set is for and which rows of the lists it takes
 * @param files code-list file names the rows come from
 * @param rows the member rows, deduplicated on system + code and sorted by system then code
 * @param sources distinct source names cited in the description
 * @param repositories {@code owner/repo@commit} of the published expansions the rows cite
 */
record ValueSetSpec(
    String id,
    String title,
    String purpose,
    List<String> files,
    List<CodeRow> rows,
    List<String> sources,
    List<String> repositories) {

  static final Comparator<CodeRow> BY_SYSTEM_THEN_CODE =
      Comparator.comparing(CodeRow::system).thenComparing(CodeRow::code);

  ValueSetSpec {
    if (rows.isEmpty()) {
      throw new IllegalStateException("Value set " + id + " selects no code from " + files);
    }
    if (rows.stream().anyMatch(CodeRow::unverified)) {
      throw new IllegalStateException("Value set " + id + " would include an UNVERIFIED row");
    }
    files = List.copyOf(files);
    rows = List.copyOf(rows);
    sources = List.copyOf(sources);
    repositories = List.copyOf(repositories);
  }

  /** A spec whose description cites every source of its rows. */
  static ValueSetSpec of(
      String id, String title, String purpose, List<String> files, Collection<CodeRow> rows) {
    List<CodeRow> members = deduplicate(rows);
    return new ValueSetSpec(
        id,
        title,
        purpose,
        files,
        members,
        SourceText.distinctParts(members),
        SourceText.repositories(members));
  }

  /**
   * The first row of each system + code wins (its display is kept); the same coding reached from
   * two lists is one member.
   */
  static List<CodeRow> deduplicate(Collection<CodeRow> rows) {
    Map<String, CodeRow> unique = new LinkedHashMap<>();
    for (CodeRow row : rows) {
      unique.putIfAbsent(row.system() + '|' + row.code(), row);
    }
    return unique.values().stream().sorted(BY_SYSTEM_THEN_CODE).toList();
  }
}
