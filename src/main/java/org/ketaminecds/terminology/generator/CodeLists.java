package org.ketaminecds.terminology.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The folder of code lists; hands out each list's checked rows, UNVERIFIED rows removed. */
final class CodeLists {

  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String NDC = "http://hl7.org/fhir/sid/ndc";
  static final String ATC = "http://www.whocc.no/atc";

  private final Path folder;
  private final Map<String, List<CodeRow>> cache = new HashMap<>();

  CodeLists(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("Code list folder not found: " + folder.toAbsolutePath());
    }
    this.folder = folder;
  }

  Path folder() {
    return folder;
  }

  /** The rows of {@code fileName} that are not marked UNVERIFIED, in file order. */
  List<CodeRow> verified(String fileName) {
    return cache.computeIfAbsent(
        fileName,
        name ->
            CodeRow.readAll(folder.resolve(name)).stream()
                .filter(row -> !row.unverified())
                .toList());
  }
}
