package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class FhirConfiguration {
  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }
}
