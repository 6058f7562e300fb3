package org.ketaminecds.feedback;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackConfiguration {

  /**
   * One background thread for all storage work (batched writes, snooze refresh, gauges, purge): a
   * slow or absent database delays only this thread, never a hook call.
   */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService storageTasks() {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, "cds-storage");
          thread.setDaemon(true);
          thread.setContextClassLoader(FeedbackConfiguration.class.getClassLoader());
          return thread;
        });
  }
}
