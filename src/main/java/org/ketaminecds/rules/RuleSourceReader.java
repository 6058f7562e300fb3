package org.ketaminecds.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ketaminecds.terminology.generator.TerminologyFiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads a rules folder from disk, or the released rules packaged in the jar (classpath {@code
 * rules/}) when no folder is there.
 */
public final class RuleSourceReader {

  private static final String CLASSPATH_ROOT = "rules/";

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
    TerminologyFiles.readFolder(terminology)
        .forEach((path, text) -> files.put(RuleSource.TERMINOLOGY + path, text));
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

  public static RuleSource fromClasspath() {
    var files = new TreeMap<String, String>();
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:" + CLASSPATH_ROOT + "**/*");
      for (Resource resource : resources) {
        String url = resource.getURL().toString();
        int root = url.lastIndexOf("/" + CLASSPATH_ROOT);
        if (root < 0 || !resource.isReadable()) {
          continue;
        }
        String relative = url.substring(root + CLASSPATH_ROOT.length() + 1);
        if (isRuleFile(relative)) {
          files.put(relative, resource.getContentAsString(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the rules packaged in the jar", e);
    }
    TerminologyFiles.readClasspath()
        .forEach((path, text) -> files.put(RuleSource.TERMINOLOGY + path, text));
    return new RuleSource("classpath:" + CLASSPATH_ROOT, files);
  }
}
