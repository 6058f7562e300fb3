package org.ketaminecds.facts.fhir;

import java.util.Set;

/**
 * The top-level elements of one resource type that a fact reader reads, named as in the FHIR
 * specification: {@code onset[x]} stands for every choice of onset ({@code onsetDateTime}, {@code
 * onsetPeriod}...). Each fact reader declares its own beside the code that reads them (a constant
 * {@code READS}); {@link FactReaders} composes them, and the prefetch fast path keeps nothing else
 * of a resource ({@code id}, {@code meta} and contained resources aside). {@code
 * ElementsReadDeclarationTest} fails when a reader reads an element it did not declare.
 */
public record ElementsRead(String resourceType, Set<String> elements) {

  public ElementsRead {
    elements = Set.copyOf(elements);
  }

  public static ElementsRead of(String resourceType, String... elements) {
    return new ElementsRead(resourceType, Set.of(elements));
  }
}
