package org.ketaminecds.charts;

/**
 * How many resources of each kind a generated chart has. {@link #SMALL} and {@link #HEAVY} are the
 * two charts of issue 6 that the CQL engine was measured on.
 */
public record ChartSize(
    String name, int conditions, int medicationStatements, int observations, int allergies) {

  /** 5 Conditions, 6 MedicationStatements, 3 Observations (and one allergy). */
  public static final ChartSize SMALL = new ChartSize("small", 5, 6, 3, 1);

  /**
   * 300 Conditions, 200 MedicationStatements, 100 Observations: about 870 KB of JSON (the issue:
   * about 800 KB).
   */
  public static final ChartSize HEAVY = new ChartSize("heavy", 300, 200, 100, 8);

  public static ChartSize named(String name) {
    return switch (name) {
      case "small" -> SMALL;
      case "heavy" -> HEAVY;
      default -> throw new IllegalArgumentException("No chart size " + name + " (small, heavy)");
    };
  }
}
