package org.ketaminecds.fhir.prefetch;

import java.util.List;

/** One prefetch value as the scan left it: nothing is parsed into FHIR objects yet. */
sealed interface PrefetchValue {

  /** JSON {@code null}: the EHR looked and found nothing. */
  record JsonNull() implements PrefetchValue {}

  /** A string, number, boolean or array where a resource belongs; reported when the key is read. */
  record NotAnObject(String jsonType) implements PrefetchValue {}

  /**
   * Any object but a regular Bundle (a Patient, an OperationOutcome...): parsed as a whole, or as
   * far as the facts read it when its type is known.
   *
   * @param resourceType the {@code resourceType} when it was one plain string, else null
   * @param members where its members are, or null with {@code resourceType}
   */
  record Whole(byte[] source, int offset, int length, String resourceType, ResourceMembers members)
      implements PrefetchValue {}

  /**
   * A Bundle whose entries were scanned one by one; {@code source} holds their bytes.
   *
   * @param nextUrl the url of its {@code next} link, or null: a searchset with one is a first page
   */
  record ScannedBundle(byte[] source, List<ScannedEntry> entries, String nextUrl)
      implements PrefetchValue {}

  /**
   * One entry of a scanned Bundle: where its JSON is, and what the scan learnt of its resource.
   *
   * @param resource null when the entry or its resource has an irregular shape: such an entry is
   *     always parsed as sent, so that HAPI's verdict on it stands
   * @param id the resource's {@code id}, or null
   * @param fullUrl the entry's {@code fullUrl}, or null
   * @param members where the resource's members are, or null with {@code resource}
   */
  record ScannedEntry(
      int offset,
      int length,
      ScannedResource resource,
      String id,
      String fullUrl,
      ResourceMembers members) {}
}
