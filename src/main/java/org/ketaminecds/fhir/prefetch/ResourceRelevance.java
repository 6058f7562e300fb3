package org.ketaminecds.fhir.prefetch;

/**
 * Decides, from a {@link ScannedResource}, whether a prefetched resource can give a fact, and which
 * of its elements the facts read. Resources that cannot are not handed to HAPI at all: on a heavy
 * chart most of them are problems, medications and readings the rules never look at, and parsing
 * them would be most of the call. The answer must be exact in one direction: {@code false} only
 * when the full resource could not change the facts in any way.
 */
@FunctionalInterface
public interface ResourceRelevance {

  /** Parses every resource: the behaviour of a service that knows nothing about its facts. */
  ResourceRelevance EVERY_RESOURCE = resource -> true;

  boolean mayGiveFacts(ScannedResource resource);

  /**
   * Whether the facts read a top-level element of a resource type ({@code status}, {@code code},
   * {@code onsetDateTime}...). Elements they never read (identifiers, the narrative, categories,
   * who recorded it) are left out of what HAPI parses.
   */
  default boolean readsElement(String resourceType, String element) {
    return true;
  }
}
