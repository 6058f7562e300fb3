package org.ketaminecds.facts;

import java.time.LocalDate;

/** Which hook is being answered, and the date of the call (from the injected clock). */
public record HookContext(String hook, LocalDate today) {

  public boolean patientView() {
    return "patient-view".equals(hook);
  }

  public boolean orderHook() {
    return isOrderHook(hook);
  }

  /** order-select and order-sign: their cards appear only for a ketamine/esketamine draft. */
  public static boolean isOrderHook(String hook) {
    return "order-select".equals(hook) || "order-sign".equals(hook);
  }
}
