package org.ketaminecds;

import java.time.Clock;
import org.ketaminecds.authoring.RulesCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The service, or with {@code rules check} the authors' check. What the start-up prepares on other
 * threads is begun by {@link StartUpWork} and handed to the beans by Spring.
 */
@SpringBootApplication
public class KetamineCdsApplication {

  public static void main(String[] args) {
    if (RulesCheckCommand.isRequested(args)) {
      // The authors' check runs and exits; it starts no server.
      System.exit(RulesCheckCommand.run(args, System.out));
    }
    SpringApplication.run(KetamineCdsApplication.class, args);
  }

  /** "Today" for ages and date windows; tests replace it with a fixed clock. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
