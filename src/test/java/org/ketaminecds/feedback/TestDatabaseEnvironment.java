package org.ketaminecds.feedback;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every application the tests start stores into a real PostgreSQL (the shared {@link
 * TestPostgres}), each in a new database of its own, unless the test names a database itself.
 * Registered in {@code src/test/resources/META-INF/spring.factories}.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

  static final String TEST_SECRET = "test-only-patient-hash-secret";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    var properties = new java.util.HashMap<String, Object>();
    if (!environment.containsProperty("cds.test.database-named")) {
      properties.put("spring.datasource.url", TestPostgres.shared().newDatabase());
      properties.put("spring.datasource.username", "postgres");
      properties.put("spring.datasource.password", "");
      properties.put("spring.datasource.hikari.maximum-pool-size", "4");
    }
    if (!environment.containsProperty("cds.feedback.patient-hash-secret")
        || environment.getProperty("cds.feedback.patient-hash-secret", "").isBlank()) {
      properties.put("cds.feedback.patient-hash-secret", TEST_SECRET);
    }
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("test-database", Map.copyOf(properties)));
  }
}
