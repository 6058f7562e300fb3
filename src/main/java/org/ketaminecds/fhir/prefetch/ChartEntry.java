package org.ketaminecds.fhir.prefetch;

import org.hl7.fhir.r4.model.Resource;

/**
 * One resource of a prefetch key or a query result: parsed, or left out by {@link
 * ResourceRelevance} and then only known by its type and id. A left-out resource still takes its
 * place in the order of the chart, so that the first of two entries with one id wins, as it does
 * when every resource is parsed.
 *
 * @param identity {@code Type/id}, or null for a parsed resource without an id
 * @param resource the parsed resource, or null when it was left out
 */
public record ChartEntry(String identity, Resource resource) {

  public static ChartEntry parsed(Resource resource) {
    String identity =
        resource.getIdElement().hasIdPart()
            ? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
            : null;
    return new ChartEntry(identity, resource);
  }

  static ChartEntry leftOut(String resourceType, String id) {
    return new ChartEntry(resourceType + "/" + id, null);
  }
}
