package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ketaminecds.web.ComputeHelpers;
import org.springframework.beans.factory.annotation.Autowired;

class HookPathWarmUpTest extends ServiceHttpTest {

  @Autowired HookPathWarmUp warmUp;
  @Autowired CdsServiceCatalog catalog;
  @Autowired MeterRegistry meters;
  @Autowired ComputeHelpers helpers;

  @Test
  void everyScenarioAndTheMergedChartOfEachServiceGoThroughTheHookPath() throws IOException {
    HookPathWarmUp.Result result = warmUp.run(Duration.ZERO);

    assertThat(result.requests()).isEqualTo(scenarioFiles() + catalog.all().size());
    assertThat(result.calls()).as("one round within a zero budget").isEqualTo(result.requests());
    assertThat(result.failures()).isZero();
  }

  @Test
  void aWarmUpCallIsNoHookCallItLeavesNoAuditRowOrTiming() {
    double timed = hookCallsTimed(meters);
    double audited = auditedCalls(meters);

    warmUp.run(Duration.ZERO);

    assertThat(hookCallsTimed(meters)).isEqualTo(timed);
    assertThat(auditedCalls(meters)).isEqualTo(audited);
  }

  @Test
  void aBudgetIsSpentInWholeRounds() {
    HookPathWarmUp.Result result = warmUp.run(Duration.ofMillis(300));

    assertThat(result.calls()).isGreaterThanOrEqualTo(result.requests());
    assertThat(result.calls() % result.requests()).as("whole rounds").isZero();
  }

  @Test
  void theMergedChartsAreReadWithTheHelpers() {
    assertThat(helpers.helpers()).isEqualTo(Runtime.getRuntime().availableProcessors() - 1);
    double helped = meters.get("cds.compute.helped").functionCounter().count();

    // Rounds for 300 ms: dozens of large keys offered while the helper is idle.
    warmUp.run(Duration.ofMillis(300));

    double helpedNow = meters.get("cds.compute.helped").functionCounter().count();
    if (helpers.helpers() > 0) {
      assertThat(helpedNow).isGreaterThan(helped);
    } else {
      assertThat(helpedNow).isZero();
    }
  }

  /** Hook calls timed, all services and outcomes together. */
  static double hookCallsTimed(MeterRegistry meters) {
    return meters.find("cds.hook.call").timers().stream().mapToDouble(Timer::count).sum();
  }

  /** Written to the audit trail and waiting to be: a queued warm-up call would show here. */
  static double auditedCalls(MeterRegistry meters) {
    return meters.get("cds.storage.calls.written").counter().count()
        + meters.get("cds.storage.calls.waiting").gauge().value();
  }

  private static long scenarioFiles() throws IOException {
    try (Stream<Path> files = Files.list(ScenarioHttpTest.SCENARIOS)) {
      return files.filter(file -> file.toString().endsWith(".json")).count();
    }
  }
}
