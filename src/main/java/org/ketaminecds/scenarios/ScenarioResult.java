package org.ketaminecds.scenarios;

import java.util.List;
import org.ketaminecds.advice.Advice;

/** The outcome of one scenario: what differs from its expectation, in plain words. */
public record ScenarioResult(Scenario scenario, Advice advice, List<String> failures) {

  public ScenarioResult {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
