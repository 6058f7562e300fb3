package org.ketaminecds.fhir.prefetch;

/** One {@code coding} of a CodeableConcept as the prefetch scan read it: system and code. */
public record ScannedCoding(String system, String code) {}
