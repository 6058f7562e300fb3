package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A FhirContext scans each resource type's model on first use, which takes hundreds of
 * milliseconds: done at start-up, not inside the first hook call's deadline. Public for the
 * start-up's preload thread, which scans the shared context while Spring starts; a second scan of a
 * scanned context costs next to nothing.
 */
public final class ModelWarmUp {
  private ModelWarmUp() {}

  public static void scan(FhirContext fhirContext) {
    Stream.concat(
            Stream.of(Bundle.class, OperationOutcome.class),
            Stream.of(PrefetchKey.values()).flatMap(key -> key.resourceTypes().stream()))
        .forEach(fhirContext::getResourceDefinition);
    // The JSON parser has its own lazily built structures.
    fhirContext
        .newJsonParser()
        .parseResource("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}");
  }
}
