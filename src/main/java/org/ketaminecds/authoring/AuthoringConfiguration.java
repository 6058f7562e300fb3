package org.ketaminecds.authoring;

import ca.uhn.fhir.context.FhirContext;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.scenarios.ScenarioRunner;
import org.ketaminecds.terminology.Terminology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthoringConfiguration {

  @Bean
  RuleCompiler ruleCompiler() {
    return new RuleCompiler();
  }

  @Bean
  RuleSetCheck ruleSetCheck(
      RuleCompiler compiler,
      FhirContext fhirContext,
      ScenarioRunner runner,
      Terminology terminology) {
    return new RuleSetCheck(compiler, new ScenarioReader(fhirContext), runner, terminology);
  }

  @Bean
  StartUpCheck startUpCheck(
      RuleSetCheck check, RuleCompiler compiler, FhirContext fhirContext, ScenarioRunner runner) {
    return new StartUpCheck(
        check, compiler, new ScenarioReader(fhirContext), runner, BuildVerification.released());
  }
}
