package org.ketaminecds.scenarios;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.ketaminecds.fhir.PatientRecord;

/**
 * A clinical scenario of the rules folder ({@code rules/scenarios/*.json}): a patient's chart, a
 * hook, the date of the call, and the cards a clinician must see: exactly these topics, with these
 * indicators, and (optionally) text their details must contain.
 *
 * @param name the file name without {@code .json}
 * @param draftOrders the draft orders of an order hook, or null
 * @param expectedCards topic code to indicator; no other topic may appear
 * @param expectedDetailText topic code to texts its detail must contain
 * @param expectedSuggestions topic code to the labels of its suggestions, exactly (in any order);
 *     topics not named here are not checked for suggestions
 */
public record Scenario(
    String name,
    String title,
    LocalDate asOf,
    String hook,
    PatientRecord chart,
    Bundle draftOrders,
    Map<String, String> expectedCards,
    Map<String, List<String>> expectedDetailText,
    Map<String, List<String>> expectedSuggestions) {

  /** A scenario that does not check suggestions. */
  public Scenario(
      String name,
      String title,
      LocalDate asOf,
      String hook,
      PatientRecord chart,
      Bundle draftOrders,
      Map<String, String> expectedCards,
      Map<String, List<String>> expectedDetailText) {
    this(name, title, asOf, hook, chart, draftOrders, expectedCards, expectedDetailText, Map.of());
  }
}
