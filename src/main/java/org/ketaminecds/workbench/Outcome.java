package org.ketaminecds.workbench;

import java.util.List;

/**
 * An error answer shaped as a FHIR OperationOutcome, like the hook endpoints' errors, so that one
 * reading of {@code issue[0].diagnostics} fits both.
 */
record Outcome(String resourceType, List<Issue> issue) {

  record Issue(String severity, String code, String diagnostics) {}

  static Outcome error(String code, String diagnostics) {
    return new Outcome("OperationOutcome", List.of(new Issue("error", code, diagnostics)));
  }
}
