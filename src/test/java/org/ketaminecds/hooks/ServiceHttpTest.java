package org.ketaminecds.hooks;

import org.junit.jupiter.api.BeforeEach;
import org.ketaminecds.security.TestEhr;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port, called over real HTTP with JWTs from a test EHR. The HTTP test
 * classes of this package extend it so that they share one application context (one start-up).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cds.fhir.deadline=2s")
@Import(TestClockConfiguration.class)
abstract class ServiceHttpTest {

  static final TestEhr EHR = new TestEhr();

  @DynamicPropertySource
  static void trustTheTestEhr(DynamicPropertyRegistry registry) {
    EHR.register(registry);
  }

  @Value("${local.server.port}")
  int port;

  CdsCalls calls;

  @BeforeEach
  void client() {
    calls = new CdsCalls(port, EHR);
  }
}
