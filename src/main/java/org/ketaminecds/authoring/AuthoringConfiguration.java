package org.ketaminecds.authoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthoringConfiguration {

  @Bean
  StartUpCheck startUpCheck(DecisionPath path, ReleaseStamp stamp) {
    return new StartUpCheck(
        path.check(), path.compiler(), path.scenarioReader(), path.scenarioRunner(), stamp);
  }

  /** The rule set that went live at start-up. */
  record StartUpRules(RulesStatus.Live live) {}

  /**
   * Publishes the first rule set in Spring's background bootstrap, while the main thread makes the
   * rest of the service (storage, the web layer, the actuator). The context waits for it before it
   * is refreshed: the web server opens, and readiness says UP, only with rules and value sets live,
   * as before; a failure of the released rules fails the start.
   */
  @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
  StartUpRules startUpRules(RuleSetPublisher publisher) {
    return new StartUpRules(publisher.publishAtStartUp());
  }
}
