package org.ketaminecds.terminology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.ValueSetExpansionContainsComponent;
import org.ketaminecds.terminology.generator.TerminologyFiles;

/**
 * system → code → ids of the value sets holding that coding, built once from the precomputed
 * expansions. Codings in the same value sets share one unmodifiable Set instance, so a lookup
 * returns an existing object and the index stays small (most codes are in exactly one set).
 */
final class ValueSetIndex {

  private final Map<String, Map<String, Set<String>>> bySystem;
  private final Set<String> ids;
  private final int codeCount;

  private ValueSetIndex(
      Map<String, Map<String, Set<String>>> bySystem, Set<String> ids, int codeCount) {
    this.bySystem = bySystem;
    this.ids = ids;
    this.codeCount = codeCount;
  }

  static ValueSetIndex of(List<ValueSet> valueSets) {
    Map<String, Map<String, TreeSet<String>>> building = new HashMap<>();
    Set<String> ids = new TreeSet<>();
    Set<String> distinct = new java.util.HashSet<>();
    for (ValueSet valueSet : valueSets) {
      String id = valueSet.getIdElement().getIdPart();
      if (!ids.add(id)) {
        throw new IllegalStateException("Two value sets with id " + id);
      }
      for (ValueSetExpansionContainsComponent coding : expansion(valueSet, id)) {
        String system = CodeSystems.canonical(coding.getSystem());
        distinct.add(system + "|" + coding.getCode());
        Map<String, TreeSet<String>> codes = building.computeIfAbsent(system, s -> new HashMap<>());
        // every form an EHR may send (ICD-10-CM without the dot, NDC 10/11 digits), indexed now
        // so that a lookup on the request path is one map read
        for (String form : CodeSystems.codeForms(system, coding.getCode())) {
          codes.computeIfAbsent(form, c -> new TreeSet<>()).add(id);
        }
      }
    }
    return new ValueSetIndex(freeze(building), Collections.unmodifiableSet(ids), distinct.size());
  }

  /** The index of value sets given by their members (id to system and code). */
  static ValueSetIndex ofMembers(Map<String, List<TerminologyFiles.Member>> valueSets) {
    Map<String, Map<String, TreeSet<String>>> building = new HashMap<>();
    Set<String> distinct = new java.util.HashSet<>();
    valueSets.forEach(
        (id, members) -> {
          for (TerminologyFiles.Member member : members) {
            String system = CodeSystems.canonical(member.system());
            distinct.add(system + "|" + member.code());
            Map<String, TreeSet<String>> codes =
                building.computeIfAbsent(system, s -> new HashMap<>());
            // every form an EHR may send (ICD-10-CM without the dot, NDC 10/11 digits), indexed
            // now so that a lookup on the request path is one map read
            for (String form : CodeSystems.codeForms(system, member.code())) {
              codes.computeIfAbsent(form, c -> new TreeSet<>()).add(id);
            }
          }
        });
    return new ValueSetIndex(
        freeze(building),
        Collections.unmodifiableSet(new TreeSet<>(valueSets.keySet())),
        distinct.size());
  }

  /** The ids of the value sets holding this coding; the shared empty set when none. */
  Set<String> valueSetsOf(String system, String code) {
    if (system == null || code == null) {
      return Set.of();
    }
    Map<String, Set<String>> codes = bySystem.get(CodeSystems.canonical(system));
    if (codes == null) {
      return Set.of();
    }
    return codes.getOrDefault(code, Set.of());
  }

  Set<String> ids() {
    return ids;
  }

  /**
   * Distinct system + code pairs found in at least one value set (each code once, not its forms).
   */
  int codeCount() {
    return codeCount;
  }

  private static List<ValueSetExpansionContainsComponent> expansion(ValueSet valueSet, String id) {
    if (!valueSet.hasExpansion()) {
      throw new IllegalStateException("Value set " + id + " has no precomputed expansion");
    }
    List<ValueSetExpansionContainsComponent> codings = new ArrayList<>();
    flatten(valueSet.getExpansion().getContains(), codings);
    if (valueSet.getExpansion().getTotal() != codings.size()) {
      throw new IllegalStateException(
          "Value set "
              + id
              + ": expansion total "
              + valueSet.getExpansion().getTotal()
              + " but "
              + codings.size()
              + " codes");
    }
    return codings;
  }

  /** Expansions may nest; only entries with a system and a code are codings. */
  private static void flatten(
      List<ValueSetExpansionContainsComponent> contains,
      List<ValueSetExpansionContainsComponent> codings) {
    for (ValueSetExpansionContainsComponent entry : contains) {
      if (entry.hasSystem() && entry.hasCode() && !entry.getAbstract()) {
        codings.add(entry);
      }
      flatten(entry.getContains(), codings);
    }
  }

  private static Map<String, Map<String, Set<String>>> freeze(
      Map<String, Map<String, TreeSet<String>>> building) {
    Map<Set<String>, Set<String>> shared = new HashMap<>();
    Map<String, Map<String, Set<String>>> frozen = new HashMap<>();
    building.forEach(
        (system, codes) -> {
          Map<String, Set<String>> frozenCodes = new HashMap<>(codes.size() * 2);
          codes.forEach(
              (code, ids) ->
                  frozenCodes.put(
                      code,
                      shared.computeIfAbsent(
                          ids, k -> Collections.unmodifiableSet(new LinkedHashSet<>(k)))));
          frozen.put(system, frozenCodes);
        });
    return frozen;
  }
}
