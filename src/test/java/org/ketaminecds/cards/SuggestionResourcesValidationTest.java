package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.authoring.DecisionPath;
import org.ketaminecds.rules.RuleCompiler;
import org.ketaminecds.rules.RuleSet;
import org.ketaminecds.rules.RuleSourceReader;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.scenarios.ScenarioResult;
import org.ketaminecds.scenarios.ScenarioRunner;

/**
 * Every resource that a suggestion of any scenario of {@code rules/} creates or updates is a
 * complete FHIR R4 resource that HAPI's validator accepts against the base specification (contract
 * revision 2), with status draft and the context patient as its subject.
 */
class SuggestionResourcesValidationTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  static RuleSet rules;
  static ScenarioRunner runner;
  static ScenarioReader reader;
  static FhirValidator validator;

  @BeforeAll
  static void setUp() {
    rules = new RuleCompiler().compile(RuleSourceReader.fromFolder(Path.of("rules")));
    DecisionPath path = DecisionPath.released();
    runner = path.scenarioRunner();
    reader = path.scenarioReader();
    var support =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(FHIR),
            new InMemoryTerminologyServerValidationSupport(FHIR),
            new CommonCodeSystemsTerminologyService(FHIR));
    validator = FHIR.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(support));
  }

  @Test
  void everySuggestedResourceOfEveryScenarioIsValidR4() {
    var problems = new ArrayList<String>();
    int validated = 0;
    for (Map.Entry<String, String> scenario : rules.scenarios().entrySet()) {
      ScenarioResult result =
          runner.run(rules, reader.read(scenario.getKey(), scenario.getValue()));
      String patient = result.scenario().chart().patient().getIdElement().getIdPart();
      for (Card card : result.advice().cards()) {
        for (Card.Suggestion suggestion : card.suggestions()) {
          for (Card.Action action : suggestion.actions()) {
            if (action.resource() == null) {
              continue;
            }
            validated++;
            IBaseResource resource = FHIR.newJsonParser().parseResource(action.resource());
            problems.addAll(
                errors(
                    scenario.getKey(), suggestion.label(), validator.validateWithResult(resource)));
            assertThat(subjectOf(action.resource()))
                .as("%s: %s", scenario.getKey(), suggestion.label())
                .isEqualTo("Patient/" + patient);
            assertThat(action.resource()).contains("\"status\":\"draft\"");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    // The referral of every TRD candidate, PHQ-9 and blood pressure orders, dose changes.
    assertThat(validated).isGreaterThan(20);
  }

  private static List<String> errors(String scenario, String label, ValidationResult result) {
    var errors = new ArrayList<String>();
    for (SingleValidationMessage message : result.getMessages()) {
      if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
        errors.add(
            scenario
                + " / "
                + label
                + ": "
                + message.getLocationString()
                + " "
                + message.getMessage());
      }
    }
    return errors;
  }

  private static String subjectOf(String json) {
    var resource = FHIR.newJsonParser().parseResource(json);
    if (resource instanceof org.hl7.fhir.r4.model.ServiceRequest request) {
      return request.getSubject().getReference();
    }
    if (resource instanceof org.hl7.fhir.r4.model.MedicationRequest request) {
      return request.getSubject().getReference();
    }
    return null;
  }
}
