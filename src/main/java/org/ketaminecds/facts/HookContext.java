package org.ketaminecds.facts;

import java.time.LocalDate;

/** Which hook is being answered, and the date of the call (from the injected clock). */
public record HookContext(String hook, LocalDate today) {

  public boolean patientView() {
    return "patient-view".equals(hook);
  }

  public boolean orderHook() {
    return "order-select".equals(hook) || "order-sign".equals(hook);
  }
}
