package org.ketaminecds.cards;

import org.ketaminecds.facts.CourseStep;
import org.ketaminecds.facts.InteractingMedication;

/** How the evidence of the course and interaction cards reads; null for any other evidence. */
final class CourseText {

  private CourseText() {}

  static String shortName(Object evidence) {
    if (evidence instanceof InteractingMedication m) {
      return m.name();
    }
    if (evidence instanceof CourseStep s) {
      return s.step();
    }
    return null;
  }

  static String line(Object evidence) {
    if (evidence instanceof InteractingMedication m) {
      String record = m.resourceId().startsWith("MedicationRequest/") ? "an active order" : "taken";
      return "- **" + m.name() + "** (" + record + ")";
    }
    if (evidence instanceof CourseStep s) {
      return "- **" + s.step() + "**: " + s.plan();
    }
    return null;
  }
}
