package org.ketaminecds.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the real rules folder that a test may break. */
final class RulesFolders {

  private RulesFolders() {}

  static Path copyOfRules(Path target) {
    Path source = Path.of("rules");
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

  static void replace(Path file, String text, String replacement) {
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
