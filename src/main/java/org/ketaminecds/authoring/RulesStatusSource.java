package org.ketaminecds.authoring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The state of the rules for operators: what {@code /admin/rules} shows, and the {@code rules}
 * health indicator, DOWN when changes are no longer picked up as they should be (the watcher died,
 * or the last reload threw), so that {@code /actuator/health} does not say UP while saves go
 * unseen.
 */
@Component("rules")
public class RulesStatusSource implements HealthIndicator {

  private final RuleSetPublisher publisher;
  private final RuleFolderWatcher watcher;

  RulesStatusSource(RuleSetPublisher publisher, RuleFolderWatcher watcher) {
    this.publisher = publisher;
    this.watcher = watcher;
  }

  RulesStatus status() {
    return new RulesStatus(publisher.live(), publisher.lastAttempt(), watcher.status());
  }

  /** What is wrong, in a sentence for the workbench banner; null when nothing is. */
  public String problem() {
    RulesStatus status = status();
    if (status.watcher() != null && status.watcher().dead()) {
      return "The rules folder watcher stopped ("
          + status.watcher().reason()
          + "): saved changes are not picked up; restart the service.";
    }
    if (status.unhealthy()) {
      return "The last reload of the rules folder failed ("
          + status.lastAttempt().problems().get(0).message()
          + "); the rules of "
          + (status.live() == null ? "the jar" : "version " + status.live().version())
          + " stay live.";
    }
    return null;
  }

  /**
   * What the workbench banner says: {@link #problem()}, or else that the last change of the rules
   * folder was refused and why (its first problem or failed scenario); null when neither.
   */
  public String notice() {
    String problem = problem();
    if (problem != null) {
      return problem;
    }
    RulesStatus.Attempt attempt = publisher.lastAttempt();
    if (attempt == null || !"rejected".equals(attempt.outcome())) {
      return null;
    }
    String first =
        attempt.problems().isEmpty()
            ? "scenario "
                + attempt.failedScenarios().get(0).name()
                + ": "
                + String.join("; ", attempt.failedScenarios().get(0).failures())
            : CheckPrinter.describe(attempt.problems().get(0));
    int more = attempt.problems().size() + attempt.failedScenarios().size() - 1;
    RulesStatus.Live live = publisher.live();
    return "The last change of the rules folder was refused: "
        + first
        + (more > 0 ? " (and " + more + " more, see /admin/rules)" : "")
        + ". The rules of "
        + (live == null ? "the jar" : "version " + live.version())
        + " stay live.";
  }

  @Override
  public Health health() {
    RulesStatus status = status();
    Health.Builder health = status.unhealthy() ? Health.down() : Health.up();
    if (status.live() != null) {
      health.withDetail("version", status.live().version());
    }
    if (status.watcher() != null) {
      health.withDetail("watcher", status.watcher().state());
    }
    String problem = problem();
    if (problem != null) {
      health.withDetail("problem", problem);
    }
    return health.build();
  }
}
