package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ketaminecds.facts.Finding;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** Runs one rule set over one patient's facts, in a fresh session that is disposed after. */
public final class RuleEvaluator {

  /** A guard against a rule that keeps re-activating itself: no real evaluation comes close. */
  static final int MAX_RULE_FIRINGS = 10_000;

  public Evaluation evaluate(RuleSet ruleSet, Collection<?> facts) {
    KieSession session = ruleSet.kieBase().newKieSession();
    var fired = new ArrayList<String>();
    try {
      session.addEventListener(
          new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
              fired.add(event.getMatch().getRule().getName());
            }
          });
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
      return new Evaluation(ruleSet.version(), findings, memory, fired);
    } finally {
      session.dispose();
    }
  }
}
