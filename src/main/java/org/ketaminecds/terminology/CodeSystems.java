package org.ketaminecds.terminology;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Code systems as EHRs spell them (contract rev. 2, "Real-world charts"): the FHIR URI, its {@code
 * urn:oid:} form, and common variants (https, a trailing slash, a SNOMED CT edition URI) all mean
 * the URI the value sets use. The alias table is built once; {@link #canonical} is one map read and
 * allocates nothing.
 *
 * <p>Codes take other forms too: ICD-10-CM with or without the dot, NDC in its 10- or 11-digit form
 * with or without hyphens. {@link #codeForms} lists every form of a value-set code, so that the
 * indexes hold them all at start-up and a lookup stays a plain map read.
 */
final class CodeSystems {

  static final String SNOMED = "http://snomed.info/sct";
  static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String LOINC = "http://loinc.org";
  static final String NDC = "http://hl7.org/fhir/sid/ndc";

  private static final Map<String, String> ALIASES = aliases();

  private CodeSystems() {}

  /** The URI the value sets use for {@code system}; allocation-free. */
  static String canonical(String system) {
    if (system == null) {
      return null;
    }
    return ALIASES.getOrDefault(system, system);
  }

  /**
   * Every form in which an EHR may send this code of a value set: the code itself and, for
   * ICD-10-CM, the code without its dot; for NDC, the 11-digit 5-4-2 form with and without hyphens
   * and every 10-digit form (4-4-2, 5-3-2, 5-4-1) that pads to it, with and without hyphens.
   */
  static Set<String> codeForms(String canonicalSystem, String code) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(code);
    if (ICD10CM.equals(canonicalSystem)) {
      forms.add(code.replace(".", ""));
    } else if (NDC.equals(canonicalSystem)) {
      String eleven = ndc11(code);
      if (eleven != null) {
        ndcForms(eleven, forms);
      }
    }
    return forms;
  }

  /**
   * An NDC as 11 digits in the 5-4-2 configuration, or null: hyphenated 10-digit forms are padded
   * in the segment that is short; 11 digits are taken as they are. Ten digits without hyphens are
   * ambiguous (which segment was padded?) and give null: the value sets hold them as forms.
   */
  static String ndc11(String code) {
    String[] parts = code.split("-", -1);
    if (parts.length == 3) {
      String labeler = pad(parts[0], 5);
      String product = pad(parts[1], 4);
      String pack = pad(parts[2], 2);
      return labeler == null || product == null || pack == null ? null : labeler + product + pack;
    }
    if (parts.length == 1 && code.length() == 11 && digits(code)) {
      return code;
    }
    return null;
  }

  private static void ndcForms(String eleven, Set<String> forms) {
    String labeler = eleven.substring(0, 5);
    String product = eleven.substring(5, 9);
    String pack = eleven.substring(9);
    forms.add(eleven);
    forms.add(labeler + "-" + product + "-" + pack);
    if (labeler.charAt(0) == '0') {
      addTen(forms, labeler.substring(1), product, pack);
    }
    if (product.charAt(0) == '0') {
      addTen(forms, labeler, product.substring(1), pack);
    }
    if (pack.charAt(0) == '0') {
      addTen(forms, labeler, product, pack.substring(1));
    }
  }

  private static void addTen(Set<String> forms, String labeler, String product, String pack) {
    forms.add(labeler + "-" + product + "-" + pack);
    forms.add(labeler + product + pack);
  }

  private static String pad(String segment, int length) {
    if (segment.isEmpty() || segment.length() > length || !digits(segment)) {
      return null;
    }
    return "0".repeat(length - segment.length()) + segment;
  }

  private static boolean digits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> aliases() {
    Map<String, String> aliases = new HashMap<>();
    // names, not URIs, that interfaces from HL7 v2 (table 0396: SCT, I10C, LN) leave in system
    alias(
        aliases,
        SNOMED,
        "urn:oid:2.16.840.1.113883.6.96",
        "http://snomed.info/sct/731000124108",
        "SNOMED CT",
        "SNOMED-CT",
        "SNOMEDCT",
        "SCT");
    alias(aliases, ICD10CM, "urn:oid:2.16.840.1.113883.6.90", "ICD-10-CM", "ICD10CM", "I10C");
    alias(aliases, RXNORM, "urn:oid:2.16.840.1.113883.6.88", "RxNorm", "RXNORM");
    alias(aliases, LOINC, "urn:oid:2.16.840.1.113883.6.1", "LOINC", "LN");
    alias(aliases, NDC, "urn:oid:2.16.840.1.113883.6.69", "NDC");
    return Map.copyOf(aliases);
  }

  /** The URI's http/https and trailing-slash variants, the OID and the other names given. */
  private static void alias(Map<String, String> aliases, String uri, String... others) {
    String https = uri.replaceFirst("^http:", "https:");
    for (String variant : new String[] {uri, https}) {
      aliases.put(variant + "/", uri);
      aliases.put(variant.toUpperCase(java.util.Locale.ROOT), uri);
    }
    aliases.put(https, uri);
    for (String other : others) {
      aliases.put(other, uri);
      aliases.put(other.toUpperCase(java.util.Locale.ROOT), uri);
    }
    aliases.remove(uri);
  }
}
