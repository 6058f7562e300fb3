package org.ketaminecds.authoring;

import ca.uhn.fhir.context.FhirContext;
import org.ketaminecds.advice.ClinicalAdvisor;
import org.ketaminecds.rules.PrecompiledRules;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.scenarios.ScenarioRunner;
import org.ketaminecds.terminology.Terminology;
import org.ketaminecds.web.ComputeHelpers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's decision path, built by {@link DecisionPath} as the {@code rules check} command and
 * the build build theirs, from what the start-up prepared (the value sets, the precompiled rules).
 */
@Configuration(proxyBeanMethods = false)
class DecisionPathConfiguration {

  @Bean
  RuleCompiler ruleCompiler(PrecompiledRules precompiled) {
    return new RuleCompiler(precompiled);
  }

  @Bean
  DecisionPath decisionPath(
      FhirContext fhirContext,
      Terminology terminology,
      RuleCompiler compiler,
      ComputeHelpers helpers) {
    return new DecisionPath(fhirContext, terminology, compiler, helpers);
  }

  @Bean
  ClinicalAdvisor clinicalAdvisor(DecisionPath path) {
    return path.advisor();
  }

  @Bean
  ScenarioRunner scenarioRunner(DecisionPath path) {
    return path.scenarioRunner();
  }

  @Bean
  RuleSetCheck ruleSetCheck(DecisionPath path) {
    return path.check();
  }
}
