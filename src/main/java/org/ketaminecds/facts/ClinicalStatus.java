package org.ketaminecds.facts;

/** A Condition's clinicalStatus; {@code UNKNOWN} where the EHR sent none. */
public enum ClinicalStatus {
  ACTIVE,
  RECURRENCE,
  RELAPSE,
  INACTIVE,
  REMISSION,
  RESOLVED,
  UNKNOWN;

  public static ClinicalStatus fromCode(String code) {
    if (code == null) {
      return UNKNOWN;
    }
    return switch (code) {
      case "active" -> ACTIVE;
      case "recurrence" -> RECURRENCE;
      case "relapse" -> RELAPSE;
      case "inactive" -> INACTIVE;
      case "remission" -> REMISSION;
      case "resolved" -> RESOLVED;
      default -> UNKNOWN;
    };
  }
}
