package org.ketaminecds.facts;

/**
 * A draft MedicationRequest of the order hooks that orders ketamine or esketamine.
 *
 * @param resourceId {@code MedicationRequest/{id}}, the target of a delete suggestion
 * @param medication the medication as the order names it
 * @param drug {@code esketamine} or {@code ketamine} (racemic)
 * @param route {@code nasal}, {@code intravenous}, another route's words, or null when not given
 * @param doseMg the dose per administration in mg, or null when not given in a unit of mass
 * @param dosesPerWeek how often the order's timing gives it per week, or null when not given
 */
public record KetamineOrder(
    String resourceId,
    String medication,
    String drug,
    String route,
    Double doseMg,
    Double dosesPerWeek) {

  /** An order known only by its id and name: esketamine when the name says so. */
  public KetamineOrder(String resourceId, String medication) {
    this(
        resourceId,
        medication,
        medication != null && medication.toLowerCase().matches(".*(esketamine|spravato).*")
            ? "esketamine"
            : "ketamine",
        null,
        null,
        null);
  }

  public boolean esketamine() {
    return "esketamine".equals(drug);
  }

  /** Racemic ketamine given intravenously, or with no route given (how it is given for TRD). */
  public boolean intravenousKetamine() {
    return !esketamine() && (route == null || "intravenous".equals(route));
  }
}
