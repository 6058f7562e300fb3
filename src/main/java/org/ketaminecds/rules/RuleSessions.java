package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.ketaminecds.facts.MinimumDose;
import org.ketaminecds.facts.Parameters;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The sessions a rule set's calls run in. Each keeps the rule set's reference facts (the parameters
 * and the minimum dose table) for its whole life: a call inserts only the patient's facts and
 * deletes them again when it ends, so that it does not pay for resetting every node memory of the
 * network and for inserting and joining the 32 reference facts anew (profiled: a third of the time
 * of a small chart).
 *
 * <p>That is the same evaluation only while the reference facts alone make no rule fire: a rule
 * that did would fire once per session instead of once per call. Such a rule set is detected when
 * its first session is prepared, and its calls then run as before, in a session reset for each call
 * with the reference facts inserted each time.
 *
 * <p>A session goes back to the idle sessions only when it is provably clean: the call's facts
 * deleted, everything derived from them retracted by truth maintenance, no rule fired while
 * settling, and exactly the reference facts left. Any other session (a rule threw, the firing limit
 * was hit, cleaning went wrong) is disposed, which resets it into the underlying Drools pool. The
 * sessions belong to this rule set: a rule set with the same DRL but other parameters has sessions
 * of its own, and a replaced rule set's sessions are garbage with it.
 */
public final class RuleSessions {

  private final KieSessionsPool pool;
  private final List<Object> referenceFacts;
  private final Deque<CallSession> idle = new ConcurrentLinkedDeque<>();
  private volatile Boolean keepsReferenceFacts;

  RuleSessions(KieSessionsPool pool, Parameters parameters, List<MinimumDose> minimumDoses) {
    this.pool = pool;
    this.referenceFacts = referenceFacts(parameters, minimumDoses);
  }

  /** The parameters and dose table every call's rules see. */
  List<Object> referenceFacts() {
    return referenceFacts;
  }

  static List<Object> referenceFacts(Parameters parameters, List<MinimumDose> minimumDoses) {
    var facts = new ArrayList<Object>(1 + minimumDoses.size());
    facts.add(parameters);
    facts.addAll(minimumDoses);
    return List.copyOf(facts);
  }

  /** A session for one call: the reference facts in it, or empty when they cannot be kept. */
  CallSession take() {
    CallSession session = idle.pollFirst();
    return session != null ? session : prepare();
  }

  /** Returns a session after its call: kept when clean, else disposed (reset into the pool). */
  void release(CallSession session, boolean clean) {
    if (clean && session.keepsReferenceFacts()) {
      // Most recently used first: its memory is the likeliest to be in a CPU cache.
      idle.offerFirst(session);
    } else {
      session.kieSession().dispose();
    }
  }

  private CallSession prepare() {
    KieSession kieSession = pool.newKieSession();
    FiredRules fired = FiredRules.of(kieSession);
    Boolean keeps = keepsReferenceFacts;
    if (Boolean.FALSE.equals(keeps)) {
      return new CallSession(kieSession, fired, false);
    }
    int firings;
    try {
      referenceFacts.forEach(kieSession::insert);
      firings = kieSession.fireAllRules(RuleEvaluator.MAX_RULE_FIRINGS);
    } catch (RuntimeException e) {
      // A rule that throws on the reference facts alone: back to the pool, and this call fails.
      kieSession.dispose();
      throw e;
    }
    if (firings > 0) {
      // A rule that fires on the reference facts alone must fire in every call: these sessions
      // cannot keep them. The session is reset and serves this call the way every call ran before.
      keepsReferenceFacts = false;
      kieSession.dispose();
      KieSession fresh = pool.newKieSession();
      return new CallSession(fresh, FiredRules.of(fresh), false);
    }
    keepsReferenceFacts = true;
    return new CallSession(kieSession, fired, true);
  }

  /** A session of the pool with the recorder of the rules that fire in it. */
  record CallSession(KieSession kieSession, FiredRules fired, boolean keepsReferenceFacts) {

    /**
     * Deletes a call's facts and lets truth maintenance retract what the rules derived from them.
     *
     * @return whether the session holds exactly the reference facts again, with no rule fired
     */
    boolean clear(List<FactHandle> callFacts, int referenceFactCount) {
      callFacts.forEach(kieSession::delete);
      int firings = kieSession.fireAllRules(RuleEvaluator.MAX_RULE_FIRINGS);
      return firings == 0 && kieSession.getFactCount() == referenceFactCount;
    }
  }
}
