package org.ketaminecds.terminology.generator;

/**
 * Identity of one release of the project's terminology. The dates are constants, never "now", so
 * that regenerating from unchanged lists is byte-identical; bump all three together whenever the
 * code lists change.
 */
final class Release {

  static final String CANONICAL_BASE = "https://fhir.ketamine-cds.org";
  static final String VERSION = "2026.1";
  static final String DATE = "2026-11-21";
  static final String EXPANSION_TIMESTAMP = "2026-11-21T00:00:00Z";
  static final String PUBLISHER = "ketamine-cds";

  private Release() {}

  static String url(String resourceType, String id) {
    return CANONICAL_BASE + "/" + resourceType + "/" + id;
  }

  /** {@code "stroke-or-tia"} becomes {@code "StrokeOrTia"}: FHIR's computer-friendly name. */
  static String pascalCase(String id) {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return name.toString();
  }
}
