package org.ketaminecds.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the real rules folder that a test may break. */
public final class RulesFolders {

  private RulesFolders() {}

  /** A copy of the rules folder in a new temporary directory (for a test class's static field). */
  public static Path temporaryCopyOfRules(String prefix) {
    try {
      return copyOfRules(Files.createTempDirectory(prefix).resolve("rules"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path copyOfRules(Path target) {
    return copy(Path.of("rules"), target);
  }

  /** The value-set catalogue and code lists (fhir-profiles/, without the generated JSON). */
  public static Path copyOfValueSets(Path target) {
    try {
      Files.createDirectories(target);
      Files.copy(Path.of("fhir-profiles/value-sets.yaml"), target.resolve("value-sets.yaml"));
      copy(Path.of("fhir-profiles/code-lists"), target.resolve("code-lists"));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copy(Path source, Path target) {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void replace(Path file, String text, String replacement) {
    try {
      String content = Files.readString(file);
      if (!content.contains(text)) {
        throw new IllegalArgumentException(file + " does not contain " + text);
      }
      Files.writeString(file, content.replace(text, replacement));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
