package org.ketaminecds;

import java.time.Clock;
import org.ketaminecds.authoring.RulesCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class KetamineCdsApplication {

  public static void main(String[] args) {
    if (RulesCheckCommand.isRequested(args)) {
      // The authors' check runs and exits; it starts no server.
      System.exit(RulesCheckCommand.run(args, System.out));
    }
    StartUpPreload.start();
    SpringApplication.run(KetamineCdsApplication.class, args);
  }

  /** "Today" for ages and date windows; tests replace it with a fixed clock. */
  @Bean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
