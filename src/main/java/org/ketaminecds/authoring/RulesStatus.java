package org.ketaminecds.authoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.ketaminecds.rules.RuleProblem;

/**
 * What the admin endpoint shows: the live rule set, and the last attempt to load the folder with
 * its problems (file, line, column, message) and failed scenarios.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RulesStatus(Live live, Attempt lastAttempt) {

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
