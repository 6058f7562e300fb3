package org.ketaminecds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.terminology.Terminology;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The rules are published in Spring's background bootstrap, beside the main thread: the web server
 * must still open, and readiness say ACCEPTING_TRAFFIC, only once a rule set and its value sets are
 * live. Before the port opens a hook call is refused at the socket, as before.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.security.require-jwt=false")
@Import(StartUpReadinessTest.Witness.class)
class StartUpReadinessTest {

  @Autowired Witness witness;

  @Test
  void thePortOpensAndReadinessComesOnlyWithRulesAndValueSetsLive() {
    assertThat(witness.seen)
        .containsExactly(
            "port opened: rules live, value sets live",
            "ACCEPTING_TRAFFIC: rules live, value sets live");
  }

  /** Writes down what was live when the port opened and when readiness changed. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Witness {

    final List<String> seen = new CopyOnWriteArrayList<>();

    @Bean
    ApplicationListener<WebServerInitializedEvent> portOpened(
        ActiveRuleSet rules, Terminology terminology) {
      return event -> seen.add("port opened: " + live(rules, terminology));
    }

    @Bean
    ApplicationListener<AvailabilityChangeEvent<ReadinessState>> readiness(
        ActiveRuleSet rules, Terminology terminology) {
      return event -> seen.add(event.getState() + ": " + live(rules, terminology));
    }

    private static String live(ActiveRuleSet rules, Terminology terminology) {
      String ruleSet;
      try {
        ruleSet = rules.current().ruleCount() > 0 ? "rules live" : "an empty rule set";
      } catch (IllegalStateException e) {
        ruleSet = "no rules";
      }
      return ruleSet
          + ", "
          + (terminology.valueSetIds().isEmpty() ? "no value sets" : "value sets live");
    }
  }
}
