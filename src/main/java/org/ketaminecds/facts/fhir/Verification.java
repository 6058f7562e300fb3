package org.ketaminecds.facts.fhir;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** A Condition or AllergyIntolerance that is refuted or entered in error never counts. */
final class Verification {

  private static final Set<String> NEVER_COUNTS = Set.of("refuted", "entered-in-error");

  private Verification() {}

  static boolean counts(CodeableConcept verificationStatus) {
    if (verificationStatus == null) {
      return true;
    }
    for (Coding coding : verificationStatus.getCoding()) {
      // Set.of(...).contains(null) throws: a coding without a code says nothing, so it counts.
      if (coding.hasCode() && NEVER_COUNTS.contains(coding.getCode())) {
        return false;
      }
    }
    return true;
  }

  static String statusCode(CodeableConcept clinicalStatus) {
    if (clinicalStatus == null) {
      return null;
    }
    for (Coding coding : clinicalStatus.getCoding()) {
      if (coding.hasCode()) {
        return coding.getCode();
      }
    }
    return null;
  }
}
