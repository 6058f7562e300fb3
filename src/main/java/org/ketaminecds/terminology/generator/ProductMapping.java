package org.ketaminecds.terminology.generator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One row of {@code antidepressant_scd_ingredient_class_map.csv}: an RxNorm product, its
 * antidepressant ingredient, class and free-text flags.
 */
record ProductMapping(
    String rxnormCode,
    String display,
    String ingredientName,
    String ingredientRxcui,
    DrugClass drugClass,
    String flags) {

  static final String FILE = "antidepressant_scd_ingredient_class_map.csv";
  private static final List<String> COLUMNS =
      List.of(
          "rxnorm_code",
          "display",
          "antidepressant_ingredient",
          "ingredient_rxcui",
          "class",
          "flags");

  /** A flag saying the product must not count as an antidepressant trial. */
  private static final Pattern NOT_A_TRIAL =
      Pattern.compile("(?i)not an antidepressant trial|do not count as antidepressant trial");

  /**
   * The reason shown to the clinician for each not-a-trial flag of the list. A new flag of that
   * kind without a reason here stops the generator, so nobody sees the list's shorthand.
   */
  private static final Map<String, String> NOT_A_TRIAL_REASONS =
      Map.of(
          "Brisdelle (menopausal vasomotor symptoms) - not an antidepressant trial",
          "paroxetine 7.5 mg (Brisdelle) is labelled for menopausal vasomotor symptoms, not"
              + " depression: not an antidepressant trial",
          "Sarafem (PMDD) - not an antidepressant trial",
          "fluoxetine marketed for premenstrual dysphoric disorder (Sarafem) is not an"
              + " antidepressant trial",
          "oral selegiline = Parkinson disease product (not an antidepressant trial)",
          "oral selegiline is a Parkinson disease product, not an antidepressant trial",
          "Zyban (smoking cessation) - do not count as antidepressant trial unless documented for"
              + " depression",
          "Zyban is bupropion for smoking cessation, not an antidepressant trial unless prescribed"
              + " for depression");

  static List<ProductMapping> readAll(CodeLists codeLists) {
    return CsvFile.read(FILE, codeLists.text(FILE), COLUMNS).stream()
        .map(
            r ->
                new ProductMapping(
                    r.get("rxnorm_code"),
                    r.get("display"),
                    r.get("antidepressant_ingredient"),
                    r.get("ingredient_rxcui"),
                    DrugClass.parse(r.get("class")),
                    r.get("flags")))
        .toList();
  }

  /** Why this product is not an antidepressant trial, if it is not one. */
  Optional<String> notATrialReason() {
    if (!NOT_A_TRIAL.matcher(flags).find()) {
      return Optional.empty();
    }
    String reason = NOT_A_TRIAL_REASONS.get(flags);
    if (reason == null) {
      throw new IllegalStateException(
          FILE
              + ": product "
              + rxnormCode
              + " is flagged as not an antidepressant trial (\""
              + flags
              + "\") but ProductMapping has no reason text for that flag");
    }
    return Optional.of(reason);
  }
}
