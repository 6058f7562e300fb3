package org.ketaminecds.terminology.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The code lists ({@code *.csv} by file name, as text); hands out each list's checked rows,
 * UNVERIFIED rows removed. Held as text so that the service builds its value sets from the same
 * lists wherever they come from: a folder on disk, the jar, or a rule set being checked.
 */
final class CodeLists {

  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String NDC = "http://hl7.org/fhir/sid/ndc";
  static final String ATC = "http://www.whocc.no/atc";

  private final Map<String, String> texts;
  private final Map<String, List<CodeRow>> cache = new ConcurrentHashMap<>();

  /**
   * @param texts file name (e.g. {@code dementia.csv}) to the file's text
   */
  CodeLists(Map<String, String> texts) {
    this.texts = new TreeMap<>(texts);
  }

  /** Every {@code *.csv} file directly in {@code folder}. */
  static CodeLists of(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("Code list folder not found: " + folder.toAbsolutePath());
    }
    var texts = new TreeMap<String, String>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".csv") && Files.isRegularFile(file)) {
          texts.put(name, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the code lists in " + folder, e);
    }
    return new CodeLists(texts);
  }

  Set<String> names() {
    return texts.keySet();
  }

  boolean has(String fileName) {
    return texts.containsKey(fileName);
  }

  /** The text of {@code fileName}; fails, naming the lists there are, when it is not one. */
  String text(String fileName) {
    String text = texts.get(fileName);
    if (text == null) {
      throw new IllegalStateException(
          "there is no code list " + fileName + " in code-lists/ (there are " + names() + ")");
    }
    return text;
  }

  /** The rows of {@code fileName} that are not marked UNVERIFIED, in file order. */
  List<CodeRow> verified(String fileName) {
    return cache.computeIfAbsent(
        fileName,
        name ->
            CodeRow.readAll(name, text(name)).stream().filter(row -> !row.unverified()).toList());
  }
}
