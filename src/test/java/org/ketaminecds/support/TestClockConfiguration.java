package org.ketaminecds.support;

import java.time.LocalDate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's clock with a {@link MutableClock} on {@link #DEFAULT_TODAY}. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

  /** The date the fixtures under cds-hooks/ and rules/scenarios/ are written for. */
  public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 6, 1);

  @Bean
  @Primary
  public MutableClock testClock() {
    return new MutableClock(DEFAULT_TODAY);
  }
}
