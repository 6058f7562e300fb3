package org.ketaminecds.workbench;

import java.time.LocalDate;

/** What the author asks to evaluate: a scenario of the live rule set, or a pasted chart. */
sealed interface EvaluateRequest {

  /** A scenario by name: its own chart, hook, date and expected cards. */
  record OfScenario(String name) implements EvaluateRequest {}

  /** A FHIR Bundle as pasted, sent as if the EHR called {@code hook} on {@code asOf}. */
  record OfBundle(String hook, LocalDate asOf, String bundleJson) implements EvaluateRequest {}
}
