package org.ketaminecds.charts;

/**
 * How many resources of each kind a generated chart has. {@link #SMALL} and {@link #HEAVY} are the
 * two charts of issue 6 that the CQL engine was measured on.
 */
public record ChartSize(
    String name,
    int conditions,
    int medicationStatements,
    int observations,
    int allergies,
    int sessions,
    int phq9Scores,
    int weights,
    int medicationRequests) {

  /** 5 Conditions, 6 MedicationStatements, 3 Observations (and one allergy). */
  public static final ChartSize SMALL = new ChartSize("small", 5, 6, 3, 1);

  /**
   * 300 Conditions, 200 MedicationStatements, 100 Observations, and a long treatment course (issue
   * 13): 40 ketamine/esketamine sessions, 60 PHQ-9 scores, 20 body weights and 12 medication
   * orders.
   */
  public static final ChartSize HEAVY = new ChartSize("heavy", 300, 200, 100, 8, 40, 60, 20, 12);

  /** A chart without course data (no sessions, PHQ-9 scores, weights or orders). */
  public ChartSize(
      String name, int conditions, int medicationStatements, int observations, int allergies) {
    this(name, conditions, medicationStatements, observations, allergies, 0, 0, 0, 0);
  }

  public static ChartSize named(String name) {
    return switch (name) {
      case "small" -> SMALL;
      case "heavy" -> HEAVY;
      default -> throw new IllegalArgumentException("No chart size " + name + " (small, heavy)");
    };
  }
}
