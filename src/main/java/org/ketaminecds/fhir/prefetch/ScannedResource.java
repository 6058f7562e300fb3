package org.ketaminecds.fhir.prefetch;

import java.util.List;

/**
 * The few elements of a prefetched resource that decide whether it can give the rules a fact, read
 * without parsing the resource: its type, {@code status}, the codings of {@code code} and of {@code
 * medicationCodeableConcept}, and whether it has a {@code medicationReference}. Only resources of a
 * regular shape are described this way (see {@link PrefetchScanner}); any other is parsed.
 *
 * @param status the {@code status} element, or null when absent
 */
public record ScannedResource(
    String resourceType,
    String status,
    List<ScannedCoding> code,
    List<ScannedCoding> medicationCode,
    boolean medicationReference) {}
