package org.ketaminecds.rules;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set the service answers with. Compiled once at start-up; a call reads it once and keeps
 * that instance to the end, so a later swap never changes a call half-way.
 */
@Component
public class ActiveRuleSet {

  private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

  private final RuleCompiler compiler = new RuleCompiler();
  private final AtomicReference<RuleSet> current = new AtomicReference<>();

  public ActiveRuleSet(RulesProperties properties) {
    long started = System.nanoTime();
    RuleSource source =
        Files.isDirectory(properties.dir())
            ? RuleSourceReader.fromFolder(properties.dir())
            : RuleSourceReader.fromClasspath();
    RuleSet ruleSet = compiler.compile(source);
    current.set(ruleSet);
    log.info(
        "Rule set {} from {}: {} rules, {} card topics, compiled in {} ms",
        ruleSet.version(),
        ruleSet.origin(),
        ruleSet.ruleCount(),
        ruleSet.cardTemplates().size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  public RuleSet current() {
    return current.get();
  }
}
