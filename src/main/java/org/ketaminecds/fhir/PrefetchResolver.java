package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;

/**
 * Reads one prefetch key of a hook request, following CDS Hooks 2.0: a key that is absent, or whose
 * value is an OperationOutcome (the EHR tried and failed), must be fetched by us; JSON {@code null}
 * means the EHR looked and found nothing.
 */
final class PrefetchResolver {

  private final FhirContext fhirContext;

  PrefetchResolver(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
    ModelWarmUp.scan(fhirContext);
  }

  /**
   * The key's resources, or empty when the key has to be fetched from the FHIR server.
   *
   * @throws InvalidPrefetchException when the value is neither null nor a resource for the key
   */
  Optional<List<Resource>> resolve(PrefetchKey key, Map<String, JsonNode> prefetch) {
    if (!prefetch.containsKey(key.key())) {
      return Optional.empty();
    }
    JsonNode value = prefetch.get(key.key());
    if (value == null || value.isNull()) {
      return Optional.of(List.of());
    }
    if (value.isMissingNode()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw new InvalidPrefetchException(
          "prefetch key '"
              + key.key()
              + "' holds a JSON "
              + value.getNodeType().name().toLowerCase(Locale.ROOT)
              + ", expected a FHIR resource or null");
    }
    IBaseResource resource = parse(key, value);
    if (resource instanceof OperationOutcome) {
      return Optional.empty();
    }
    if (resource instanceof Bundle) {
      return Optional.of(resourcesOfKey(key, (Bundle) resource));
    }
    if (isOfKey(key, resource)) {
      return Optional.of(List.of((Resource) resource));
    }
    throw new InvalidPrefetchException(
        "prefetch key '"
            + key.key()
            + "' holds a "
            + fhirContext.getResourceType(resource)
            + ", expected a Bundle or "
            + key.resourceTypes().stream()
                .map(Class::getSimpleName)
                .collect(Collectors.joining(" or ")));
  }

  /** The Bundle's entries that are data for the key; search outcomes and strays are dropped. */
  static List<Resource> resourcesOfKey(PrefetchKey key, Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Objects::nonNull)
        .filter(resource -> isOfKey(key, resource))
        .collect(Collectors.toList());
  }

  private static boolean isOfKey(PrefetchKey key, IBaseResource resource) {
    return key.resourceTypes().stream().anyMatch(type -> type.isInstance(resource));
  }

  private IBaseResource parse(PrefetchKey key, JsonNode value) {
    IParser parser = fhirContext.newJsonParser();
    parser.setParserErrorHandler(LenientParsing.errorHandler());
    try {
      return parser.parseResource(value.toString());
    } catch (RuntimeException e) {
      // HAPI's message quotes the JSON it choked on: not passed on, as it may be patient data.
      throw new InvalidPrefetchException(
          "prefetch key '" + key.key() + "' is not a FHIR resource that can be parsed");
    }
  }
}
