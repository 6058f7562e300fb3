package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A service started with its warm-up on (the tests' other contexts start without it). */
@TestPropertySource(properties = "cds.hooks.warm-up=200ms")
class HookPathWarmUpStartUpTest extends ServiceHttpTest {

  @Autowired HookPathWarmUp warmUp;
  @Autowired MeterRegistry meters;

  @Test
  void onceReadyTheServiceWarmsItsHookPathUpInTheBackground() throws Exception {
    // Bounded only so that a broken warm-up fails the test instead of hanging the build.
    HookPathWarmUp.Result result = warmUp.done().get(5, TimeUnit.MINUTES);

    assertThat(result.calls()).isPositive().isGreaterThanOrEqualTo(result.requests());
    assertThat(result.failures()).isZero();
    assertThat(HookPathWarmUpTest.hookCallsTimed(meters))
        .as("no warm-up call is timed as a hook call")
        .isZero();
    assertThat(HookPathWarmUpTest.auditedCalls(meters))
        .as("no warm-up call is written to the audit trail or waits to be")
        .isZero();
  }
}
