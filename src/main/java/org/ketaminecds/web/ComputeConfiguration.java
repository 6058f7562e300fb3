package org.ketaminecds.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The compute slots and their filter on the hook endpoints, after the JWT check; the helpers that
 * share a large chart's reading with the call's thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComputeProperties.class)
class ComputeConfiguration {

  /** After the JWT filter: a refused token never takes a slot, nor waits for one. */
  static final int COMPUTE_FILTER_ORDER = OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 50;

  @Bean
  ComputeSlots computeSlots(ComputeProperties properties, MeterRegistry meters) {
    ComputeSlots slots =
        new ComputeSlots(
            properties.slotsFor(Runtime.getRuntime().availableProcessors()), properties.maxWait());
    Gauge.builder("cds.compute.waiting", slots, ComputeSlots::waiting)
        .description("hook calls waiting for a compute slot")
        .register(meters);
    return slots;
  }

  /** Closed with the context: its threads are daemons, but a test context may be one of many. */
  @Bean(destroyMethod = "close")
  ComputeHelpers computeHelpers(MeterRegistry meters) {
    ComputeHelpers helpers = ComputeHelpers.forCores(Runtime.getRuntime().availableProcessors());
    FunctionCounter.builder("cds.compute.helped", helpers, ComputeHelpers::tasksHelped)
        .description("pieces of a large chart's reading done by a helper thread")
        .register(meters);
    return helpers;
  }

  @Bean
  FilterRegistrationBean<ComputeSlotFilter> computeSlotFilterRegistration(
      ComputeSlots slots, MeterRegistry meters) {
    Counter refused =
        Counter.builder("cds.compute.refused")
            .description("hook calls answered 503 because no compute slot became free in time")
            .register(meters);
    FilterRegistrationBean<ComputeSlotFilter> registration =
        new FilterRegistrationBean<>(new ComputeSlotFilter(slots, refused::increment));
    registration.setName("computeSlotFilter");
    registration.addUrlPatterns("/cds-services/*");
    registration.setOrder(COMPUTE_FILTER_ORDER);
    return registration;
  }
}
