package org.ketaminecds.terminology;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strength of one antidepressant product for its antidepressant ingredient, read from the
 * RxNorm name of the product (e.g. {@code sertraline 50 MG Oral Tablet}: 50 mg a unit; {@code
 * fluoxetine 4 MG/ML Oral Solution}: 4 mg a millilitre), or from {@code Medication.ingredient}.
 *
 * @param mg milligrams of the ingredient per unit, or per millilitre
 * @param perUnit per tablet, capsule or other unit; false: per millilitre
 */
public record ProductStrength(double mg, boolean perUnit) {

  /** One ingredient's part of a name: "fluoxetine 25 MG", "fluoxetine 4 MG/ML". */
  private static final Pattern PART =
      Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*MG(/ML)?(?![/A-Z])");

  /** The strength of {@code ingredient} in the product named {@code name}, if it says one. */
  public static Optional<ProductStrength> named(String name, String ingredient) {
    if (name == null || ingredient == null) {
      return Optional.empty();
    }
    String lower = ingredient.toLowerCase(Locale.ROOT);
    for (String part : name.split(" / ")) {
      if (!part.toLowerCase(Locale.ROOT).contains(lower)) {
        continue;
      }
      Matcher matcher = PART.matcher(part);
      if (matcher.find()) {
        return Optional.of(
            new ProductStrength(Double.parseDouble(matcher.group(1)), matcher.group(2) == null));
      }
    }
    return Optional.empty();
  }
}
