package org.ketaminecds.cards;

import java.util.List;
import java.util.Locale;
import org.ketaminecds.facts.KetamineOrder;

/**
 * The drug a card names (contract, revision 2, "Card text for clinicians"): esketamine or ketamine
 * as ordered, "ketamine or esketamine" where nothing is ordered (patient-view) and "ketamine and
 * esketamine" where both are.
 */
final class OrderedDrug {

  static final String ESKETAMINE = "esketamine";
  static final String KETAMINE = "ketamine";
  static final String EITHER = "ketamine or esketamine";

  private OrderedDrug() {}

  static String of(List<KetamineOrder> orders) {
    if (orders.isEmpty()) {
      return EITHER;
    }
    boolean esketamine = orders.stream().anyMatch(OrderedDrug::isEsketamine);
    boolean racemic = orders.stream().anyMatch(order -> !isEsketamine(order));
    if (esketamine && racemic) {
      return "ketamine and esketamine";
    }
    return esketamine ? ESKETAMINE : KETAMINE;
  }

  /** Whether only racemic ketamine is ordered: esketamine's label is then quoted as such. */
  static boolean racemicOnly(List<KetamineOrder> orders) {
    return !orders.isEmpty() && orders.stream().noneMatch(OrderedDrug::isEsketamine);
  }

  /**
   * By the name the order gives its medication (the display of the matching code, or its text):
   * esketamine and its brand Spravato name themselves; anything else in the ketamine value set is
   * racemic ketamine.
   */
  static boolean isEsketamine(KetamineOrder order) {
    String name = order.medication() == null ? "" : order.medication().toLowerCase(Locale.ROOT);
    return name.contains("esketamine") || name.contains("spravato");
  }
}
