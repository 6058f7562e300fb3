package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ketaminecds.facts.Finding;
import org.ketaminecds.rules.RuleSessions.CallSession;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one rule set over one patient's facts, in a session of the rule set's own ({@link
 * RuleSessions}) that already holds the reference facts; the call's facts are deleted again when it
 * ends. A call never sees another call's facts, and does not pay for building a session (its agenda
 * and the memory of every node of the network) or for inserting the reference facts.
 */
public final class RuleEvaluator {

  private static final Logger log = LoggerFactory.getLogger(RuleEvaluator.class);

  /** A guard against a rule that keeps re-activating itself: no real evaluation comes close. */
  static final int MAX_RULE_FIRINGS = 10_000;

  /**
   * Deleting a call's facts costs in proportion to them, resetting a session and inserting the
   * reference facts again costs the same for every call: measured on the benchmark charts, deleting
   * is cheaper for the small chart (11 facts), resetting for the heavy one (137 facts).
   */
  static final int DELETE_AT_MOST = 48;

  public Evaluation evaluate(RuleSet ruleSet, Collection<?> facts) {
    RuleSessions sessions = ruleSet.sessions();
    CallSession call = sessions.take();
    boolean clean = false;
    try {
      KieSession session = call.kieSession();
      call.fired().clear();
      if (!call.keepsReferenceFacts()) {
        sessions.referenceFacts().forEach(session::insert);
      }
      var handles = new ArrayList<FactHandle>(facts.size());
      for (Object fact : facts) {
        handles.add(session.insert(fact));
      }
      int firings = session.fireAllRules(MAX_RULE_FIRINGS);
      if (firings >= MAX_RULE_FIRINGS) {
        throw new IllegalStateException(
            "The rules fired " + firings + " times without settling; a rule re-activates itself");
      }
      // One pass over working memory: copying it as a collection walks the store twice.
      var memory = new ArrayList<Object>((int) session.getFactCount());
      var findings = new ArrayList<Finding>();
      for (Object fact : session.getObjects()) {
        memory.add(fact);
        if (fact instanceof Finding finding) {
          findings.add(finding);
        }
      }
      var evaluation = new Evaluation(ruleSet.version(), findings, memory, call.fired().names());
      clean =
          call.keepsReferenceFacts()
              && handles.size() <= DELETE_AT_MOST
              && clear(call, handles, sessions);
      return evaluation;
    } finally {
      // A session that is not provably clean, or that would cost more to clean than to reset, is
      // disposed: reset, it goes back to the Drools pool.
      sessions.release(call, clean);
    }
  }

  /** Whether the session is back to the reference facts alone; a failure here only costs it. */
  private static boolean clear(CallSession call, List<FactHandle> handles, RuleSessions sessions) {
    try {
      return call.clear(handles, sessions.referenceFacts().size());
    } catch (RuntimeException e) {
      log.warn("A rule session could not be cleared after a call and is discarded", e);
      return false;
    }
  }
}
