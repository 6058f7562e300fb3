package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FHIR R4 context of the service, shared by parsers, clients and the terminology. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

  /**
   * A FhirContext is expensive to build (it scans the whole R4 model) and thread-safe once built;
   * the cached instance is also the one the value set generator and plain unit tests use.
   */
  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }
}
