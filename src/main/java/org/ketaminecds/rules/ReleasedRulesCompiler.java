package org.ketaminecds.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step that compiles the released rules ({@code rules/}) once, so that the service does
 * not at every start: writes {@code rules-compiled/<unit key>-<fingerprint>.kjar}, one per DRL
 * package, into the classes folder (see {@link PrecompiledRules}). Run by Maven at {@code
 * process-classes}.
 *
 * <p>Usage: {@code ReleasedRulesCompiler <rules folder> <classes folder>}.
 */
public final class ReleasedRulesCompiler {

  private ReleasedRulesCompiler() {}

  public static void main(String[] args) throws IOException {
    RuleSource source = RuleSourceReader.fromFolder(Path.of(args[0]));
    Path folder = Path.of(args[1]).resolve(PrecompiledRules.FOLDER);
    Files.createDirectories(folder);
    PrecompiledRules precompiled = PrecompiledRules.onDemand();
    try (var old = Files.list(folder)) {
      for (Path stale : (Iterable<Path>) old::iterator) {
        Files.delete(stale);
      }
    }
    for (var unit : RuleCompiler.kjars(source).entrySet()) {
      Path file = folder.resolve(precompiled.fileName(unit.getKey()));
      Files.write(file, unit.getValue());
      System.out.println(
          "Released rules compiled: " + file + " (" + unit.getValue().length + " bytes)");
    }
  }
}
