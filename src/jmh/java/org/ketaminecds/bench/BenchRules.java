package org.ketaminecds.bench;

import java.nio.file.Path;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.rules.RuleSourceReader;

/** The rules of the working copy's {@code rules/} folder, compiled as the service compiles them. */
public final class BenchRules {

  private BenchRules() {}

  public static RuleSet compile() {
    return new RuleCompiler().compile(RuleSourceReader.fromFolder(Path.of("rules")));
  }
}
