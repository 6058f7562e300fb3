package org.ketaminecds.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the generated terminology resources from the classpath folder {@code fhir-profiles/}, which
 * the build copies from the repository's top-level {@code fhir-profiles/} into the jar.
 */
final class ProfileResources {

  static final String VALUE_SETS = "classpath*:fhir-profiles/ValueSet-*.json";
  static final String CONCEPT_MAP =
      "classpath*:fhir-profiles/ConceptMap-antidepressant-ingredient.json";

  private final FhirContext fhirContext;
  private final ResourcePatternResolver resolver =
      new PathMatchingResourcePatternResolver(ProfileResources.class.getClassLoader());

  ProfileResources(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  List<ValueSet> valueSets() {
    // In parallel, in name order: parsing the value sets was most of the terminology's start-up.
    List<ValueSet> valueSets =
        Arrays.stream(find(VALUE_SETS))
            .parallel()
            .map(resource -> parse(resource, ValueSet.class))
            .toList();
    if (valueSets.isEmpty()) {
      throw new IllegalStateException(
          "No value sets on the classpath at "
              + VALUE_SETS
              + "; the jar was built without fhir-profiles/");
    }
    return valueSets;
  }

  ConceptMap antidepressantIngredientMap() {
    Resource[] found = find(CONCEPT_MAP);
    if (found.length != 1) {
      throw new IllegalStateException(
          "Expected one " + CONCEPT_MAP + " on the classpath, found " + found.length);
    }
    return parse(found[0], ConceptMap.class);
  }

  private Resource[] find(String pattern) {
    try {
      Resource[] found = resolver.getResources(pattern);
      // classpath scanning order is not defined; loading in name order keeps start-up repeatable
      Arrays.sort(found, Comparator.comparing(r -> String.valueOf(r.getFilename())));
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  private <T extends IBaseResource> T parse(Resource resource, Class<T> type) {
    // A parser each: HAPI's parsers are not thread-safe, and they are cheap to make.
    IParser parser = fhirContext.newJsonParser();
    try (InputStream in = resource.getInputStream()) {
      return parser.parseResource(type, in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
    }
  }
}
