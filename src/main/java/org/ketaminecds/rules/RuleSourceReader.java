package org.ketaminecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads a rules folder from disk, or the released rules packaged in the jar (classpath {@code
 * rules/}) when no folder is there.
 */
public final class RuleSourceReader {

  private static final String CLASSPATH_ROOT = "rules/";
  private static final String CATALOGUE = "value-sets.yaml";
  private static final String CODE_LISTS = "code-lists/";

  private RuleSourceReader() {}

  public static boolean isRuleFile(String path) {
    return path.endsWith(".drl")
        || path.endsWith(".card.yaml")
        || path.endsWith("parameters.yaml")
        || (path.startsWith("scenarios/") && path.endsWith(".json"));
  }

  /**
   * The rules of {@code folder} with the value sets of {@code terminology} (a folder holding {@code
   * value-sets.yaml} and {@code code-lists/}); without those when that folder does not exist.
   */
  public static RuleSource fromFolders(Path folder, Path terminology) {
    RuleSource rules = fromFolder(folder);
    if (!Files.isDirectory(terminology)) {
      return rules;
    }
    var files = new TreeMap<>(rules.files());
    try (Stream<Path> paths = Files.walk(terminology, 2)) {
      for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        String relative = terminology.relativize(path).toString().replace('\\', '/');
        if (isTerminologyFile(relative)) {
          files.put(
              RuleSource.TERMINOLOGY + relative, Files.readString(path, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the value-set folder " + terminology, e);
    }
    return new RuleSource(rules.origin(), files);
  }

  public static RuleSource fromFolder(Path folder) {
    var files = new TreeMap<String, String>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
        String relative = folder.relativize(path).toString().replace('\\', '/');
        if (isRuleFile(relative)) {
          files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the rules folder " + folder, e);
    }
    return new RuleSource(folder.toAbsolutePath().normalize().toString(), files);
  }

  /**
   * Whether a path relative to the value-set folder is one of its source files: the catalogue
   * {@code value-sets.yaml} or a code list {@code code-lists/*.csv}.
   */
  public static boolean isTerminologyFile(String relative) {
    return relative.equals(CATALOGUE)
        || (relative.startsWith(CODE_LISTS)
            && relative.endsWith(".csv")
            && relative.indexOf('/', CODE_LISTS.length()) < 0);
  }

  /** The rules released in the jar, with the value sets released with them. */
  public static RuleSource fromClasspath() {
    var files = new TreeMap<String, String>();
    readClasspath(CLASSPATH_ROOT, "**/*", RuleSourceReader::isRuleFile, "", files);
    readClasspath(
        RuleSource.TERMINOLOGY,
        "**/*",
        RuleSourceReader::isTerminologyFile,
        RuleSource.TERMINOLOGY,
        files);
    return new RuleSource("classpath:" + CLASSPATH_ROOT, files);
  }

  private static void readClasspath(
      String root,
      String pattern,
      java.util.function.Predicate<String> wanted,
      String prefix,
      Map<String, String> files) {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver().getResources("classpath*:" + root + pattern);
      for (Resource resource : resources) {
        String url = resource.getURL().toString();
        int at = url.lastIndexOf("/" + root);
        if (at < 0 || !resource.isReadable()) {
          continue;
        }
        String relative = url.substring(at + root.length() + 1);
        if (wanted.test(relative)) {
          files.put(prefix + relative, resource.getContentAsString(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + root + " packaged in the jar", e);
    }
  }
}
