package org.ketaminecds.facts;

/**
 * Why a ketamine/esketamine draft order was written, as far as its {@code reasonCode} and {@code
 * reasonReference} say (contract rev. 2, "Which orders the service advises on").
 */
public enum OrderReason {
  /** a depressive disorder (bipolar depression included): a psychiatric order */
  DEPRESSION,
  /** suicidal ideation or behaviour: a psychiatric order */
  SUICIDAL_IDEATION,
  /** anaesthesia, procedural sedation, pain or anything else: outside this service */
  OTHER,
  /** no reason on the order: psychiatric only for a patient with an active depressive disorder */
  NOT_GIVEN;

  /** The reason a Condition gives by the value sets it is in (its Diagnosis categories). */
  public static OrderReason ofCategories(java.util.Collection<String> categories) {
    if (categories.contains("suicidal-ideation")) {
      return SUICIDAL_IDEATION;
    }
    if (categories.contains("depressive-disorder") || categories.contains("bipolar-disorder")) {
      return DEPRESSION;
    }
    return OTHER;
  }

  public boolean psychiatric() {
    return this == DEPRESSION || this == SUICIDAL_IDEATION;
  }
}
