package org.ketaminecds.facts;

/** A MedicationStatement's status, as far as a trial is concerned. */
public enum TrialStatus {
  /** completed or stopped: the trial is over and can count as a failed trial. */
  ENDED,
  /** active or on-hold: an ongoing trial, reported but not counted. */
  ONGOING,
  /** unknown: not enough to count it. */
  UNKNOWN;

  public static TrialStatus fromCode(String code) {
    if (code == null) {
      return UNKNOWN;
    }
    return switch (code) {
      case "completed", "stopped" -> ENDED;
      case "active", "on-hold" -> ONGOING;
      default -> UNKNOWN;
    };
  }
}
