package org.ketaminecds.facts;

import java.util.List;
import java.util.Locale;

/**
 * A draft MedicationRequest of the order hooks that orders ketamine or esketamine.
 *
 * @param resourceId {@code MedicationRequest/{id}}, the target of a delete suggestion
 * @param medication the medication as the order names it
 * @param drug {@code "esketamine"} or {@code "ketamine"} (racemic): what was ordered, for card text
 *     and the course rules
 * @param route {@code nasal}, {@code intravenous}, {@code intramuscular}, {@code oral}, {@code
 *     subcutaneous}, or null when the order does not say (esketamine is nasal: its only form)
 * @param reason why it was ordered, from reasonCode / reasonReference
 * @param reasonReferences references to Conditions given as the reason that the draft orders did
 *     not carry: looked up in the chart before the rules run, then empty
 * @param doseMg the dose per administration in mg, or null when not given in a unit of mass
 * @param dosesPerWeek how often the order's timing gives it per week, or null when not given
 */
public record KetamineOrder(
    String resourceId,
    String medication,
    String drug,
    String route,
    OrderReason reason,
    List<String> reasonReferences,
    Double doseMg,
    Double dosesPerWeek) {

  public static final String ESKETAMINE = "esketamine";
  public static final String KETAMINE = "ketamine";

  public KetamineOrder {
    reasonReferences = List.copyOf(reasonReferences);
  }

  /** An order known by its name only: esketamine when the name says so, no route, no reason. */
  public KetamineOrder(String resourceId, String medication) {
    this(
        resourceId,
        medication,
        namesEsketamine(medication) ? ESKETAMINE : KETAMINE,
        namesEsketamine(medication) ? "nasal" : null,
        OrderReason.NOT_GIVEN,
        List.of(),
        null,
        null);
  }

  public boolean esketamine() {
    return ESKETAMINE.equals(drug);
  }

  public boolean intravenous() {
    return "intravenous".equals(route);
  }

  /** Racemic ketamine given intravenously, or with no route given (how it is given for TRD). */
  public boolean intravenousKetamine() {
    return !esketamine() && (route == null || "intravenous".equals(route));
  }

  /** The same order with its reason decided. */
  public KetamineOrder withReason(OrderReason decided) {
    return new KetamineOrder(
        resourceId, medication, drug, route, decided, List.of(), doseMg, dosesPerWeek);
  }

  static boolean namesEsketamine(String text) {
    if (text == null) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("esketamine") || lower.contains("spravato");
  }
}
