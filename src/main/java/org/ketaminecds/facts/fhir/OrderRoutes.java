package org.ketaminecds.facts.fhir;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * The route of a draft order, from {@code dosageInstruction.route}: SNOMED CT route codes (FHIR R4
 * value set route-codes) or the route's text; null when the order does not say.
 */
final class OrderRoutes {

  /** SNOMED CT route of administration → the route word of {@code KetamineOrder}. */
  private static final Map<String, String> SNOMED_ROUTES =
      Map.of(
          "46713006", "nasal",
          "47625008", "intravenous",
          "78421000", "intramuscular",
          "26643006", "oral",
          "34206005", "subcutaneous");

  /** Tried in this order: the first that matches the route's text names it. */
  private static final List<Map.Entry<Pattern, String>> TEXT_ROUTES =
      List.of(
          Map.entry(Pattern.compile("(?i)intravenous|\\bIV\\b"), "intravenous"),
          Map.entry(Pattern.compile("(?i)(intra)?nasal"), "nasal"),
          Map.entry(Pattern.compile("(?i)intramuscular|\\bIM\\b"), "intramuscular"),
          Map.entry(Pattern.compile("(?i)subcutaneous|\\bSC\\b|\\bSQ\\b"), "subcutaneous"),
          Map.entry(Pattern.compile("(?i)\\boral\\b|\\bPO\\b|by mouth"), "oral"));

  private OrderRoutes() {}

  static String of(MedicationRequest request) {
    for (Dosage dosage : request.getDosageInstruction()) {
      if (!dosage.hasRoute()) {
        continue;
      }
      for (Coding coding : dosage.getRoute().getCoding()) {
        String route = coding.getCode() == null ? null : SNOMED_ROUTES.get(coding.getCode());
        if (route != null) {
          return route;
        }
      }
      String route = byText(dosage.getRoute().getText());
      for (Coding coding : dosage.getRoute().getCoding()) {
        if (route == null) {
          route = byText(coding.getDisplay());
        }
      }
      if (route != null) {
        return route;
      }
    }
    // no route element: IV infusion orders often say it in their text ("0.5 mg/kg IV over 40 min")
    for (Dosage dosage : request.getDosageInstruction()) {
      String route = byText(dosage.getText());
      if (route != null) {
        return route;
      }
    }
    return null;
  }

  private static String byText(String text) {
    if (text == null) {
      return null;
    }
    for (Map.Entry<Pattern, String> entry : TEXT_ROUTES) {
      if (entry.getKey().matcher(text).find()) {
        return entry.getValue();
      }
    }
    return null;
  }
}
