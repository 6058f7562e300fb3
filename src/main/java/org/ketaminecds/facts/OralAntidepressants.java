package org.ketaminecds.facts;

import java.util.List;

/**
 * Concluded by the rules: the antidepressants the patient takes now (ongoing MedicationStatements
 * that are antidepressant trials), by name; empty when none. The second esketamine indication is
 * given together with an oral antidepressant.
 *
 * <p>The names are copied: the rules pass the list their {@code accumulate} keeps, a live view.
 */
public record OralAntidepressants(List<String> names) {

  public OralAntidepressants {
    names = List.copyOf(names);
  }

  public boolean none() {
    return names.isEmpty();
  }
}
