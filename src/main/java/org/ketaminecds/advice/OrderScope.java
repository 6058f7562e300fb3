package org.ketaminecds.advice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ketaminecds.facts.Diagnosis;
import org.ketaminecds.facts.HookContext;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.facts.OrderReason;

/**
 * Which draft orders this service advises on (contract rev. 2): esketamine always; racemic ketamine
 * given for a depressive disorder or suicidal ideation, or with no reason for a patient with an
 * active depressive disorder. Ketamine for anaesthesia, sedation or pain is another service's
 * business: no cards at all.
 */
final class OrderScope {

  static final String DEPRESSIVE_DISORDER = "depressive-disorder";

  private OrderScope() {}

  /**
   * Whether the chart must be read: on patient-view always; on an order hook when some order may be
   * psychiatric (a reason not given, or one the chart must tell).
   */
  static boolean mayBePsychiatric(String hook, List<KetamineOrder> orders) {
    if (!HookContext.isOrderHook(hook)) {
      return true;
    }
    for (KetamineOrder order : orders) {
      if (order.esketamine() || order.reason() != OrderReason.OTHER) {
        return true;
      }
    }
    return false;
  }

  /**
   * The orders the service advises on, each with its reason decided: references to Conditions of
   * the chart are looked up among its diagnoses (a Condition in no value set of this service is
   * another reason).
   */
  static List<KetamineOrder> psychiatric(List<KetamineOrder> orders, List<Object> chartFacts) {
    List<KetamineOrder> kept = new ArrayList<>();
    boolean activeDepression = false;
    for (Object fact : chartFacts) {
      if (fact instanceof Diagnosis d && d.active() && DEPRESSIVE_DISORDER.equals(d.category())) {
        activeDepression = true;
      }
    }
    for (KetamineOrder order : orders) {
      KetamineOrder decided =
          order.reasonReferences().isEmpty()
              ? order
              : order.withReason(referencedReason(order.reasonReferences(), chartFacts));
      boolean psychiatric =
          decided.esketamine()
              || decided.reason().psychiatric()
              || (decided.reason() == OrderReason.NOT_GIVEN && activeDepression);
      if (psychiatric) {
        kept.add(decided);
      }
    }
    return kept;
  }

  private static OrderReason referencedReason(List<String> conditionIds, List<Object> facts) {
    Set<String> categories = new HashSet<>();
    for (Object fact : facts) {
      if (fact instanceof Diagnosis d && conditionIds.contains(d.conditionId())) {
        categories.add(d.category());
      }
    }
    return OrderReason.ofCategories(categories);
  }
}
