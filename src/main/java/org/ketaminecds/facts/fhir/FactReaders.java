package org.ketaminecds.facts.fhir;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every fact reader's declaration of the elements it reads ({@link ElementsRead}), composed by
 * resource type. This is the only place the declarations meet: a reader that reads a new element
 * changes its own {@code READS}; a new reader adds its {@code READS} to {@link #DECLARED}. A
 * resource type the facts read must have a declaration ({@code ElementsReadDeclarationTest} checks
 * every type of every prefetch key and of the draft orders).
 */
public final class FactReaders {

  /** One line per fact reader. */
  static final List<ElementsRead> DECLARED =
      List.of(
          ChartFacts.READS,
          ConditionFacts.READS,
          MedicationTrialFacts.READS,
          MedicationLookup.READS,
          ObservationFacts.READS,
          AllergyFacts.READS,
          DraftOrderReader.READS,
          CourseFacts.SESSION_READS,
          CourseFacts.ORDER_READS);

  private FactReaders() {}

  /** The union of the declarations, by resource type. */
  public static Map<String, Set<String>> elementsReadByType() {
    Map<String, Set<String>> byType = new HashMap<>();
    for (ElementsRead read : DECLARED) {
      byType.computeIfAbsent(read.resourceType(), type -> new HashSet<>()).addAll(read.elements());
    }
    byType.replaceAll((type, elements) -> Set.copyOf(elements));
    return Map.copyOf(byType);
  }
}
