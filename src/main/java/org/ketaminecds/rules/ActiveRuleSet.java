package org.ketaminecds.rules;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The rule set the service answers with. A call reads it once and keeps that instance to the end,
 * so a swap never changes a call half-way; a swap is one atomic reference update.
 */
@Component
public class ActiveRuleSet {

  private final AtomicReference<RuleSet> current = new AtomicReference<>();

  /** The live rule set; there is always one once the service has started. */
  public RuleSet current() {
    RuleSet ruleSet = current.get();
    if (ruleSet == null) {
      throw new IllegalStateException("No rule set is live yet");
    }
    return ruleSet;
  }

  /** Makes {@code next} live and returns the rule set it replaced (null for the first). */
  public RuleSet swap(RuleSet next) {
    return current.getAndSet(next);
  }
}
