package org.ketaminecds.terminology;

import java.util.Set;

/**
 * Code system URIs as the value sets spell them. Only RxNorm has aliases worth accepting: EHRs send
 * its OID form or an https variant often enough, and a missed antidepressant would silently change
 * the TRD count. Every other system must match exactly.
 */
final class CodeSystems {

  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  private static final Set<String> RXNORM_ALIASES =
      Set.of(
          "https://www.nlm.nih.gov/research/umls/rxnorm",
          "http://www.nlm.nih.gov/research/umls/rxnorm/",
          "https://www.nlm.nih.gov/research/umls/rxnorm/",
          "urn:oid:2.16.840.1.113883.6.88");

  private CodeSystems() {}

  /** The URI the value sets use for {@code system}; allocation-free. */
  static String canonical(String system) {
    return RXNORM_ALIASES.contains(system) ? RXNORM : system;
  }
}
