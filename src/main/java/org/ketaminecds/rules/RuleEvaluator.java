package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ketaminecds.facts.Finding;
import org.kie.api.runtime.KieSession;

/**
 * Runs one rule set over one patient's facts, in a session of the rule set's pool that is reset
 * when the call ends: a call never sees another call's facts, and does not pay for building a
 * session (its agenda and the memory of every node of the network) each time.
 */
public final class RuleEvaluator {

  /** A guard against a rule that keeps re-activating itself: no real evaluation comes close. */
  static final int MAX_RULE_FIRINGS = 10_000;

  public Evaluation evaluate(RuleSet ruleSet, Collection<?> facts) {
    KieSession session = ruleSet.sessions().newKieSession();
    try {
      FiredRules fired = FiredRules.of(session);
      session.insert(ruleSet.parameters());
      ruleSet.minimumDoses().forEach(session::insert);
      facts.forEach(session::insert);
      int firings = session.fireAllRules(MAX_RULE_FIRINGS);
      if (firings >= MAX_RULE_FIRINGS) {
        throw new IllegalStateException(
            "The rules fired " + firings + " times without settling; a rule re-activates itself");
      }
      List<Object> memory = new ArrayList<>(session.getObjects());
      List<Finding> findings =
          memory.stream().filter(Finding.class::isInstance).map(Finding.class::cast).toList();
      return new Evaluation(ruleSet.version(), findings, memory, fired.names());
    } finally {
      // Back to the pool, reset; a session of a replaced rule set is garbage with its pool.
      session.dispose();
    }
  }
}
