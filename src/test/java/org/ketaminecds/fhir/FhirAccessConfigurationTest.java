package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring of this package, without the rest of the application. */
class FhirAccessConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(
              FhirConfiguration.class, FhirAccessConfiguration.class, PatientDataLoader.class);

  @Test
  void defaultsApplyWithoutProperties() {
    context.run(
        ctx -> {
          assertThat(ctx).hasSingleBean(PatientDataLoader.class);
          assertThat(ctx.getBean(FhirAccessProperties.class))
              .isEqualTo(FhirAccessProperties.defaults());
        });
  }

  @Test
  void propertiesBind() {
    context
        .withPropertyValues(
            "cds.fhir.connect-timeout=250ms",
            "cds.fhir.read-timeout=2s",
            "cds.fhir.deadline=3s",
            "cds.fhir.max-pages=7",
            "cds.fhir.max-concurrent-queries=3",
            "cds.fhir.max-queued-queries=9",
            "cds.fhir.allow-insecure-http=true")
        .run(
            ctx ->
                assertThat(ctx.getBean(FhirAccessProperties.class))
                    .isEqualTo(
                        new FhirAccessProperties(
                            Duration.ofMillis(250),
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(3),
                            7,
                            3,
                            9,
                            true)));
  }

  @Test
  void nonsenseValuesStopTheStart() {
    context.withPropertyValues("cds.fhir.deadline=0s").run(ctx -> assertThat(ctx).hasFailed());
  }
}
