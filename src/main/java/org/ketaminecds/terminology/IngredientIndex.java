package org.ketaminecds.terminology;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.OtherElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;

/**
 * system → code → {@link AntidepressantIngredient}, from ConceptMap antidepressant-ingredient. The
 * property names are those ValueSetGenerator writes into {@code target.product} (see the
 * ConceptMap's description).
 */
final class IngredientIndex {

  private static final String DRUG_CLASS = "drug-class";
  private static final String AUGMENTATION_AGENT = "augmentation-agent";
  private static final String NOT_AN_ANTIDEPRESSANT_TRIAL = "not-an-antidepressant-trial";

  private final Map<String, Map<String, AntidepressantIngredient>> bySystem;
  private final int size;

  private IngredientIndex(Map<String, Map<String, AntidepressantIngredient>> bySystem) {
    this.bySystem = bySystem;
    this.size = bySystem.values().stream().mapToInt(Map::size).sum();
  }

  static IngredientIndex of(ConceptMap conceptMap) {
    Map<String, Map<String, AntidepressantIngredient>> bySystem = new HashMap<>();
    // products of one ingredient share one instance
    Map<AntidepressantIngredient, AntidepressantIngredient> shared = new HashMap<>();
    for (ConceptMapGroupComponent group : conceptMap.getGroup()) {
      String system = CodeSystems.canonical(group.getSource());
      Map<String, AntidepressantIngredient> codes =
          bySystem.computeIfAbsent(system, s -> new HashMap<>());
      for (SourceElementComponent element : group.getElement()) {
        AntidepressantIngredient ingredient = shared.computeIfAbsent(ingredient(element), k -> k);
        for (String form : CodeSystems.codeForms(system, element.getCode())) {
          codes.put(form, ingredient);
        }
      }
    }
    return new IngredientIndex(bySystem);
  }

  Optional<AntidepressantIngredient> find(String system, String code) {
    if (system == null || code == null) {
      return Optional.empty();
    }
    Map<String, AntidepressantIngredient> codes = bySystem.get(CodeSystems.canonical(system));
    return codes == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
  }

  int size() {
    return size;
  }

  private static AntidepressantIngredient ingredient(SourceElementComponent element) {
    if (element.getTarget().size() != 1) {
      throw new IllegalStateException(
          "ConceptMap element "
              + element.getCode()
              + " must map to exactly one ingredient, has "
              + element.getTarget().size());
    }
    TargetElementComponent target = element.getTargetFirstRep();
    Map<String, String> properties = new HashMap<>();
    for (OtherElementComponent product : target.getProduct()) {
      properties.put(product.getProperty(), product.getValue());
    }
    String drugClass = properties.get(DRUG_CLASS);
    if (drugClass == null) {
      throw new IllegalStateException(
          "ConceptMap element " + element.getCode() + " has no " + DRUG_CLASS);
    }
    return new AntidepressantIngredient(
        target.getCode(),
        target.getDisplay(),
        drugClass,
        Boolean.parseBoolean(properties.get(AUGMENTATION_AGENT)),
        properties.get(NOT_AN_ANTIDEPRESSANT_TRIAL));
  }
}
