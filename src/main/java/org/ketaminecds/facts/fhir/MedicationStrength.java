package org.ketaminecds.facts.fhir;

import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Medication.MedicationIngredientComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.ketaminecds.terminology.AntidepressantIngredient;
import org.ketaminecds.terminology.ProductStrength;
import org.ketaminecds.terminology.Terminology;

/**
 * The strength of the antidepressant in a Medication from {@code Medication.ingredient.strength}
 * (e.g. 50 mg per 1 tablet), for a dose charted as a count of units (clinical brief rev. 2).
 */
final class MedicationStrength {

  private static final Set<String> MILLILITRES = Set.of("ml");

  private MedicationStrength() {}

  static ProductStrength of(
      Medication medication, AntidepressantIngredient drug, Terminology terminology) {
    int ingredients = medication.getIngredient().size();
    for (MedicationIngredientComponent ingredient : medication.getIngredient()) {
      if (!ingredient.hasStrength()) {
        continue;
      }
      if (ingredients == 1 || isDrug(ingredient, drug, terminology)) {
        return strength(ingredient.getStrength());
      }
    }
    return null;
  }

  private static boolean isDrug(
      MedicationIngredientComponent ingredient,
      AntidepressantIngredient drug,
      Terminology terminology) {
    if (ingredient.getItem() instanceof CodeableConcept concept) {
      for (Coding coding : concept.getCoding()) {
        var found = terminology.antidepressantIngredient(coding.getSystem(), coding.getCode());
        if (found.isPresent() && found.get().rxcui().equals(drug.rxcui())) {
          return true;
        }
      }
      return concept.hasText()
          && concept
              .getText()
              .toLowerCase(Locale.ROOT)
              .contains(drug.name().toLowerCase(Locale.ROOT));
    }
    return false;
  }

  private static ProductStrength strength(Ratio ratio) {
    Quantity numerator = ratio.getNumerator();
    if (!numerator.hasValue()) {
      return null;
    }
    String unit = numerator.hasCode() ? numerator.getCode() : numerator.getUnit();
    double factor;
    if (unit == null) {
      return null;
    }
    switch (unit.trim().toLowerCase(Locale.ROOT)) {
      case "mg" -> factor = 1;
      case "g" -> factor = 1000;
      case "ug", "mcg" -> factor = 0.001;
      default -> {
        return null;
      }
    }
    double mg = numerator.getValue().doubleValue() * factor;
    Quantity denominator = ratio.getDenominator();
    double per = denominator.hasValue() ? denominator.getValue().doubleValue() : 1;
    if (per <= 0) {
      return null;
    }
    String perUnit = denominator.hasCode() ? denominator.getCode() : denominator.getUnit();
    boolean millilitres =
        perUnit != null && MILLILITRES.contains(perUnit.trim().toLowerCase(Locale.ROOT));
    return new ProductStrength(mg / per, !millilitres);
  }
}
