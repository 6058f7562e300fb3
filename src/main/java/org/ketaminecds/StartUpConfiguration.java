package org.ketaminecds;

import java.util.concurrent.Executor;
import org.ketaminecds.authoring.ReleaseStamp;
import org.ketaminecds.rules.PrecompiledRules;
import org.ketaminecds.terminology.Terminology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The beans made from the {@link StartUpWork} begun before Spring read its configuration, and the
 * executor of Spring's background bean bootstrap.
 */
@Configuration(proxyBeanMethods = false)
class StartUpConfiguration {

  /** The value sets released in the jar, until a rule set goes live with its own. */
  @Bean
  Terminology terminology(StartUpWork work) {
    return new Terminology(work.valueSets());
  }

  /** The build's kjars, with the released knowledge base already made of them. */
  @Bean
  PrecompiledRules precompiledRules(StartUpWork work) {
    return work.precompiledRules();
  }

  @Bean
  ReleaseStamp releaseStamp(StartUpWork work) {
    return work.stamp();
  }

  /**
   * Runs the beans declared {@code bootstrap = BACKGROUND} (the start-up publication of the rules)
   * beside the main thread; the context still waits for them before it is refreshed, so the web
   * server opens, and readiness says UP, only once they are done. One thread per such bean: there
   * is one, and nothing is left running afterwards.
   */
  @Bean(name = AbstractApplicationContext.BOOTSTRAP_EXECUTOR_BEAN_NAME)
  Executor bootstrapExecutor() {
    var executor = new SimpleAsyncTaskExecutor("start-up-");
    executor.setDaemon(true);
    return executor;
  }
}
