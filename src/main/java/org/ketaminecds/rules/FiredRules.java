package org.ketaminecds.rules;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Records the rules that fire in a session, in order. A pooled session keeps its listeners when it
 * is reset, so each session gets one recorder for its whole life, cleared at the start of a call.
 */
final class FiredRules extends DefaultAgendaEventListener {

  private final List<String> names = new ArrayList<>();

  static FiredRules of(KieSession session) {
    for (AgendaEventListener listener : session.getAgendaEventListeners()) {
      if (listener instanceof FiredRules recorder) {
        recorder.names.clear();
        return recorder;
      }
    }
    var recorder = new FiredRules();
    session.addEventListener(recorder);
    return recorder;
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    names.add(event.getMatch().getRule().getName());
  }

  void clear() {
    names.clear();
  }

  List<String> names() {
    return List.copyOf(names);
  }
}
