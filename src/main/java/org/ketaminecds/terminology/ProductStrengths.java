package org.ketaminecds.terminology;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;

/**
 * RxNorm product code → strength of its antidepressant ingredient, read once at start-up from the
 * product names of ConceptMap antidepressant-ingredient (RxNorm clinical and branded drug names
 * state the strength: {@code 24 HR venlafaxine 150 MG Extended Release Oral Capsule}, {@code
 * olanzapine 6 MG / fluoxetine 25 MG Oral Capsule}). A dose charted as "1 tablet" is then that many
 * mg (clinical brief rev. 2, "Daily dose"). Names of another shape (patches in MG/HR, ingredients)
 * have no strength.
 */
final class ProductStrengths {

  private final Map<String, Map<String, ProductStrength>> bySystem;

  /** Ingredient name (lower case) → its RxNorm code, from the ingredient rows of the map. */
  private final Map<String, String> ingredientCodes;

  private ProductStrengths(
      Map<String, Map<String, ProductStrength>> bySystem, Map<String, String> ingredientCodes) {
    this.bySystem = bySystem;
    this.ingredientCodes = ingredientCodes;
  }

  static ProductStrengths of(ConceptMap conceptMap) {
    Map<String, Map<String, ProductStrength>> bySystem = new HashMap<>();
    Map<String, String> ingredientCodes = new HashMap<>();
    for (ConceptMapGroupComponent group : conceptMap.getGroup()) {
      for (SourceElementComponent element : group.getElement()) {
        if (element.getTarget().size() != 1 || !element.hasDisplay()) {
          continue;
        }
        if (element.getCode().equals(element.getTargetFirstRep().getCode())) {
          ingredientCodes.put(
              element.getTargetFirstRep().getDisplay().toLowerCase(Locale.ROOT), element.getCode());
        }
        ProductStrength.named(element.getDisplay(), element.getTargetFirstRep().getDisplay())
            .ifPresent(
                strength ->
                    bySystem
                        .computeIfAbsent(
                            CodeSystems.canonical(group.getSource()), s -> new HashMap<>())
                        .put(element.getCode(), strength));
      }
    }
    return new ProductStrengths(bySystem, ingredientCodes);
  }

  /** The RxNorm code of the ingredient of this name, or null. */
  String ingredientCode(String name) {
    return name == null ? null : ingredientCodes.get(name.toLowerCase(Locale.ROOT));
  }

  Optional<ProductStrength> find(String system, String code) {
    if (system == null || code == null) {
      return Optional.empty();
    }
    Map<String, ProductStrength> codes = bySystem.get(CodeSystems.canonical(system));
    return codes == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
  }
}
