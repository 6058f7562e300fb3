package org.ketaminecds.workbench;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.rules.ActiveRuleSet;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.scenarios.InvalidScenarioException;
import org.ketaminecds.scenarios.Scenario;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.scenarios.ScenarioResult;
import org.ketaminecds.scenarios.ScenarioRunner;
import org.springframework.stereotype.Component;

/**
 * Evaluates what the author chose through the service's own decision path ({@link ScenarioRunner},
 * hence {@code ClinicalAdvisor}), so the page shows the cards an EHR would get from the same rules.
 */
@Component
class WorkbenchEvaluator {

  private final ActiveRuleSet rules;
  private final ScenarioRunner runner;
  private final ScenarioReader scenarioReader;
  private final PastedBundleReader bundleReader;
  private volatile Topics topics;

  WorkbenchEvaluator(
      ActiveRuleSet rules,
      ScenarioRunner runner,
      FhirContext fhirContext,
      PastedBundleReader bundleReader) {
    this.rules = rules;
    this.runner = runner;
    this.scenarioReader = new ScenarioReader(fhirContext);
    this.bundleReader = bundleReader;
  }

  EvaluationView evaluate(EvaluateRequest request) {
    // One rule set for the whole evaluation, even if new rules go live meanwhile.
    RuleSet ruleSet = rules.current();
    if (request instanceof EvaluateRequest.OfScenario scenario) {
      return scenario(ruleSet, scenario.name());
    }
    return bundle(ruleSet, (EvaluateRequest.OfBundle) request);
  }

  private EvaluationView scenario(RuleSet ruleSet, String name) {
    String text = ruleSet.scenarios().get(name);
    if (text == null) {
      throw WorkbenchRequestException.invalid(
          "The rule set has no scenario named \"" + name + "\"");
    }
    Scenario scenario;
    try {
      scenario = scenarioReader.read(name, text);
    } catch (InvalidScenarioException e) {
      throw WorkbenchRequestException.invalid(e.getMessage());
    }
    ScenarioResult result = runner.run(ruleSet, scenario);
    return EvaluationView.of(
            ruleSet.version(),
            scenario.hook(),
            scenario.asOf(),
            result.advice(),
            List.of(),
            ruleTopics(ruleSet))
        .withScenario(
            new ScenarioSummary(
                name, scenario.title(), scenario.hook(), scenario.asOf().toString()),
            new EvaluationView.Expected(scenario.expectedCards(), scenario.expectedDetailText()),
            result.failures());
  }

  private EvaluationView bundle(RuleSet ruleSet, EvaluateRequest.OfBundle request) {
    boolean orderHook = HookContext.isOrderHook(request.hook());
    PastedChart pasted = bundleReader.read(request.bundleJson(), orderHook);
    // A pasted chart is a scenario without expectations: running it as one keeps a single path
    // (including the order hooks' answer when no draft order is ketamine). Its comparison with
    // "no cards expected" means nothing here and is not shown.
    var scenario =
        new Scenario(
            "pasted-bundle",
            "Pasted bundle",
            request.asOf(),
            request.hook(),
            pasted.chart(),
            pasted.draftOrders(),
            Map.of(),
            Map.of());
    ScenarioResult result = runner.run(ruleSet, scenario);
    return EvaluationView.of(
        ruleSet.version(),
        request.hook(),
        request.asOf(),
        result.advice(),
        pasted.notes(),
        ruleTopics(ruleSet));
  }

  /** The card topic of each rule, read from the rule set once and kept while it is live. */
  private Map<String, String> ruleTopics(RuleSet ruleSet) {
    Topics known = topics;
    if (known == null || known.ruleSet() != ruleSet) {
      known = new Topics(ruleSet, RetractedConclusions.topicsOf(ruleSet.kieBase()));
      topics = known;
    }
    return known.byRule();
  }

  private record Topics(RuleSet ruleSet, Map<String, String> byRule) {}
}
