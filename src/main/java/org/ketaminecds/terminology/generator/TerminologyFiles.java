package org.ketaminecds.terminology.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The terminology an author edits: the catalogue {@code value-sets.yaml} and the code lists {@code
 * code-lists/*.csv} of a terminology folder ({@code fhir-profiles/}), by path relative to it, and
 * the FHIR resources built from them. The service builds its value sets from these at start-up and
 * on every change; the generator writes the same resources out as JSON.
 */
public final class TerminologyFiles {

  public static final String CATALOGUE = ValueSetCatalog.FILE;
  public static final String CODE_LISTS = "code-lists/";
  private static final String CLASSPATH = "fhir-profiles/";

  private TerminologyFiles() {}

  /** The value sets and the antidepressant ConceptMap that the files make. */
  public record Resources(List<ValueSet> valueSets, ConceptMap conceptMap) {}

  /** A member of a value set. */
  public record Member(String system, String code) {}

  /**
   * What the service's lookup tables need: each value set's members (by id, in catalogue order) and
   * the ConceptMap; no descriptions, no ValueSet resources.
   */
  public record Members(Map<String, List<Member>> valueSets, ConceptMap conceptMap) {}

  /**
   * The members of the value sets these files make, and the ConceptMap.
   *
   * @throws IllegalStateException with a message naming the file and what is wrong
   */
  public static Members members(Map<String, String> files) {
    CodeLists lists = lists(files);
    List<ProductMapping> products = ProductMapping.readAll(lists);
    var valueSets = new LinkedHashMap<String, List<Member>>();
    for (ValueSetSpec spec : new ValueSetCatalog(catalogue(files), lists, products).specs(false)) {
      valueSets.put(
          spec.id(),
          spec.rows().stream().map(row -> new Member(row.system(), row.code())).toList());
    }
    return new Members(valueSets, new AntidepressantConceptMap(lists, products).create());
  }

  private static String catalogue(Map<String, String> files) {
    String catalogue = files.get(CATALOGUE);
    if (catalogue == null) {
      throw new IllegalStateException(CATALOGUE + " is missing");
    }
    return catalogue;
  }

  private static CodeLists lists(Map<String, String> files) {
    var texts = new TreeMap<String, String>();
    files.forEach(
        (path, text) -> {
          if (path.startsWith(CODE_LISTS)) {
            texts.put(path.substring(CODE_LISTS.length()), text);
          }
        });
    return new CodeLists(texts);
  }

  /** Whether a path relative to the terminology folder is one of its source files. */
  public static boolean isTerminologyFile(String relative) {
    return relative.equals(CATALOGUE)
        || (relative.startsWith(CODE_LISTS)
            && relative.endsWith(".csv")
            && relative.indexOf('/', CODE_LISTS.length()) < 0);
  }

  /** The source files of a terminology folder, by path relative to it. */
  public static Map<String, String> readFolder(Path folder) {
    var files = new TreeMap<String, String>();
    try (Stream<Path> paths = Files.walk(folder, 2)) {
      for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        String relative = folder.relativize(path).toString().replace('\\', '/');
        if (isTerminologyFile(relative)) {
          files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the terminology folder " + folder, e);
    }
    return files;
  }

  /** The source files of the terminology released in the jar (classpath {@code fhir-profiles/}). */
  public static Map<String, String> readClasspath() {
    var files = new TreeMap<String, String>();
    var resolver = new PathMatchingResourcePatternResolver(TerminologyFiles.class.getClassLoader());
    try {
      for (String pattern : List.of(CATALOGUE, CODE_LISTS + "*.csv")) {
        for (Resource resource : resolver.getResources("classpath*:" + CLASSPATH + pattern)) {
          String url = resource.getURL().toString();
          int root = url.lastIndexOf("/" + CLASSPATH);
          String relative = root < 0 ? "" : url.substring(root + CLASSPATH.length() + 1);
          if (resource.isReadable() && isTerminologyFile(relative)) {
            files.put(relative, resource.getContentAsString(StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the value sets packaged in the jar", e);
    }
    if (!files.containsKey(CATALOGUE)) {
      throw new IllegalStateException(
          "No " + CLASSPATH + CATALOGUE + " on the classpath; the jar was built without it");
    }
    return files;
  }

  /**
   * Builds the resources of these files.
   *
   * @throws IllegalStateException with a message naming the file and what is wrong
   */
  public static Resources build(Map<String, String> files) {
    CodeLists lists = lists(files);
    List<ProductMapping> products = ProductMapping.readAll(lists);
    List<ValueSet> valueSets =
        new ValueSetCatalog(catalogue(files), lists, products)
            .specs().stream().map(ValueSetFactory::create).toList();
    ConceptMap conceptMap = new AntidepressantConceptMap(lists, products).create();
    return new Resources(valueSets, conceptMap);
  }
}
