package org.ketaminecds.facts.fhir;

import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Quantity;
import org.ketaminecds.terminology.Terminology;

/**
 * Which ketamine a medication code names, its route and its dose in mg: shared by the draft orders
 * and the sessions given, so that both say "esketamine" and "intravenous" the same way.
 */
final class KetamineDrug {

  static final String ESKETAMINE = "esketamine";
  static final String KETAMINE = "ketamine";

  private static final Pattern ESKETAMINE_TEXT =
      Pattern.compile("\\besketamine\\b|\\bspravato\\b", Pattern.CASE_INSENSITIVE);

  /** Spravato's NDC product (labeler 50458, product 028) in any of its written forms. */
  private static final Pattern SPRAVATO_NDC = Pattern.compile("0?50458-?0?028.*");

  /** WHO ATC: esketamine as an antidepressant and as an anaesthetic. */
  private static final java.util.Set<String> ESKETAMINE_ATC =
      java.util.Set.of("N06AX27", "N01AX14");

  /** SNOMED CT routes of administration (FHIR R4 example value set SNOMEDCTRouteCodes). */
  private static final String SNOMED = "http://snomed.info/sct";

  private static final String INTRAVENOUS_ROUTE = "47625008";
  private static final String NASAL_ROUTE = "46713006";

  private final Terminology terminology;

  KetamineDrug(Terminology terminology) {
    this.terminology = terminology;
  }

  /** {@code esketamine}, {@code ketamine}, or null when the code names neither. */
  String drugOf(CodeableConcept code) {
    boolean ketamine = false;
    for (Coding coding : code.getCoding()) {
      if (terminology.contains(AllergyFacts.KETAMINE, coding.getSystem(), coding.getCode())) {
        ketamine = true;
        if (isEsketamineCode(coding)) {
          return ESKETAMINE;
        }
      }
    }
    String text = textOf(code);
    if (ESKETAMINE_TEXT.matcher(text).find()) {
      return ESKETAMINE;
    }
    return ketamine || AllergyFacts.KETAMINE_TEXT.matcher(text).find() ? KETAMINE : null;
  }

  private static boolean isEsketamineCode(Coding coding) {
    String code = coding.getCode() == null ? "" : coding.getCode();
    String system = coding.getSystem() == null ? "" : coding.getSystem();
    return (system.endsWith("/ndc") && SPRAVATO_NDC.matcher(code).matches())
        || (system.endsWith("/atc") && ESKETAMINE_ATC.contains(code));
  }

  private static String textOf(CodeableConcept code) {
    var text = new StringBuilder(code.hasText() ? code.getText() : "");
    for (Coding coding : code.getCoding()) {
      if (coding.hasDisplay()) {
        text.append(' ').append(coding.getDisplay());
      }
    }
    return text.toString();
  }

  /** {@code intravenous}, {@code nasal}, the route's own words, or null when not given. */
  static String routeOf(CodeableConcept route) {
    if (route == null || route.isEmpty()) {
      return null;
    }
    for (Coding coding : route.getCoding()) {
      if (SNOMED.equals(coding.getSystem()) && INTRAVENOUS_ROUTE.equals(coding.getCode())) {
        return "intravenous";
      }
      if (SNOMED.equals(coding.getSystem()) && NASAL_ROUTE.equals(coding.getCode())) {
        return "nasal";
      }
    }
    String words = textOf(route).strip().toLowerCase(Locale.ROOT);
    if (words.contains("intraven") || words.matches("iv\\b.*")) {
      return "intravenous";
    }
    if (words.contains("nasal")) {
      return "nasal";
    }
    return words.isEmpty() ? null : words;
  }

  /** The first dose of a dosage in mg, or null when it is not given in a unit of mass. */
  static Double doseMgOf(Dosage dosage) {
    if (dosage == null || !dosage.hasDoseAndRate()) {
      return null;
    }
    for (Dosage.DosageDoseAndRateComponent doseAndRate : dosage.getDoseAndRate()) {
      if (doseAndRate.hasDoseQuantity()) {
        return mg(doseAndRate.getDoseQuantity());
      }
    }
    return null;
  }

  static Double mg(Quantity quantity) {
    if (quantity == null || !quantity.hasValue()) {
      return null;
    }
    String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
    double value = quantity.getValue().doubleValue();
    if (unit == null) {
      return null;
    }
    return switch (unit.strip().toLowerCase(Locale.ROOT)) {
      case "mg" -> value;
      case "g" -> value * 1000;
      case "ug", "mcg", "µg" -> value / 1000;
      default -> null;
    };
  }
}
