package org.ketaminecds.authoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.ketaminecds.rules.RuleProblem;

/**
 * What the admin endpoint shows: the live rule set, the last attempt to load the folder with its
 * problems (file, line, column, message) and failed scenarios ({@code outcome} live, rejected, or
 * failed when the reload itself threw), and the state of the folder watcher.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RulesStatus(Live live, Attempt lastAttempt, WatcherStatus watcher) {

  static final String FAILED = "failed";

  /** Whether the service no longer picks up changes as it should: the health of the rules. */
  boolean unhealthy() {
    return (watcher != null && watcher.dead())
        || (lastAttempt != null && FAILED.equals(lastAttempt.outcome()));
  }

  record Live(
      String version, String origin, int rules, int cardTopics, int scenarios, Instant since) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Attempt(
      Instant at,
      String origin,
      String version,
      String outcome,
      List<RuleProblem> problems,
      List<CheckReport.ScenarioOutcome> failedScenarios) {}
}
