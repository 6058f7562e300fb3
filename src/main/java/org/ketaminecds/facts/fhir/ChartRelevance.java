package org.ketaminecds.facts.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.fhir.prefetch.ResourceRelevance;
import org.ketaminecds.fhir.prefetch.ScannedCoding;
import org.ketaminecds.fhir.prefetch.ScannedResource;
import org.ketaminecds.terminology.Terminology;
import org.springframework.stereotype.Component;

/**
 * Which prefetched resources can give a fact, decided as the fact classes of this package decide
 * it, so that the others need not be parsed at all (and of those parsed, which elements): a
 * Condition only through a coding in a value set ({@link ConditionFacts}); a MedicationStatement
 * only when it may count: every statement of a status that may count, since one whose codes are not
 * in the lists may still name an antidepressant (listed as not recognised) or an interacting drug
 * ({@link MedicationTrialFacts}, {@link CourseFacts}); an Observation only as a blood pressure,
 * pregnancy status, hCG test, breastfeeding status, PHQ-9 or body weight ({@link ObservationFacts},
 * {@link CourseFacts}); a MedicationAdministration only when completed, a MedicationRequest only
 * when active and of an interacting drug ({@link CourseFacts}). Every Medication is parsed (a
 * session's may name ketamine by text alone). Patients, allergies (matched on free text too) and
 * anything else are always parsed. Of the resources parsed, HAPI sees only the elements these
 * classes read. {@code PrefetchFastPathTest} holds all this to the facts of a full parse; the
 * elements kept are those the fact readers declare ({@link FactReaders}), and {@code
 * ElementsReadDeclarationTest} fails on a read that was not declared.
 */
@Component
public class ChartRelevance implements ResourceRelevance {

  private static final Set<String> OBSERVATION_VALUE_SETS = observationValueSets();

  private static Set<String> observationValueSets() {
    var sets = new java.util.HashSet<>(ObservationFacts.OBSERVATION_CODES);
    sets.add(CourseFacts.PHQ9);
    sets.add(CourseFacts.BODY_WEIGHT);
    return Set.copyOf(sets);
  }

  /**
   * The elements the fact readers declare they read, by resource type ({@link FactReaders}); every
   * type no reader declares is read whole. Ids and contained resources (a statement's {@code
   * #medication}) are always kept. {@code meta} is not: no fact reads it (nor the version it gives
   * an id), and parsing its {@code lastUpdated} on every resource was a twentieth of what a small
   * chart's call allocated (profiled).
   */
  private static final Map<String, KeptElements> ELEMENTS_READ = keptElements();

  private static final Set<String> ALWAYS_READ = Set.of("resourceType", "id", "contained");

  private final Terminology terminology;

  public ChartRelevance(Terminology terminology) {
    this.terminology = terminology;
  }

  @Override
  public boolean mayGiveFacts(ScannedResource resource) {
    return switch (resource.resourceType()) {
      case "Condition" -> resource.code().stream().anyMatch(this::inSomeValueSet);
      case "MedicationStatement" -> statementMayCount(resource);
      // A Medication can name ketamine by its text or display alone (a session), which the scan
      // does not see: every Medication is read.
      case "Medication" -> true;
      case "MedicationAdministration" ->
          resource.status() == null || "completed".equals(resource.status());
      case "MedicationRequest" -> requestMayInteract(resource);
      case "Observation" -> observationMayCount(resource);
      default -> true;
    };
  }

  @Override
  public boolean readsElement(String resourceType, String element) {
    KeptElements read = ELEMENTS_READ.get(resourceType);
    if (read == null) {
      return true;
    }
    // "_status" holds the id and extensions of "status": kept or left out with it.
    String name = element.startsWith("_") ? element.substring(1) : element;
    return ALWAYS_READ.contains(name) || read.keeps(name);
  }

  private static Map<String, KeptElements> keptElements() {
    var kept = new HashMap<String, KeptElements>();
    FactReaders.elementsReadByType()
        .forEach((type, elements) -> kept.put(type, KeptElements.of(elements)));
    return Map.copyOf(kept);
  }

  /**
   * Declared elements as names: {@code status} keeps {@code status} only; {@code onset[x]} keeps
   * {@code onsetDateTime}, {@code onsetPeriod} and every other choice of onset.
   */
  private record KeptElements(Set<String> names, List<String> choices) {

    static KeptElements of(Set<String> declared) {
      var names = new HashSet<String>();
      var choices = new ArrayList<String>();
      for (String element : declared) {
        if (element.endsWith("[x]")) {
          choices.add(element.substring(0, element.length() - 3));
        } else {
          names.add(element);
        }
      }
      return new KeptElements(Set.copyOf(names), List.copyOf(choices));
    }

    boolean keeps(String name) {
      if (names.contains(name)) {
        return true;
      }
      for (String choice : choices) {
        if (name.length() > choice.length()
            && name.startsWith(choice)
            && Character.isUpperCase(name.charAt(choice.length()))) {
          return true;
        }
      }
      return false;
    }
  }

  private boolean statementMayCount(ScannedResource statement) {
    if (statement.status() != null
        && MedicationTrialFacts.NEVER_COUNTS.contains(statement.status())) {
      return false;
    }
    // Every other statement is read: one whose codes are not in the lists may still name an
    // antidepressant in its text or display, and is then listed as not recognised (clinical brief
    // rev. 2: every antidepressant statement accounted for), which the scan cannot tell.
    return true;
  }

  /** An active order (of the chart, not a draft) may give an interaction fact. */
  private boolean requestMayInteract(ScannedResource request) {
    if (request.status() != null && !"active".equals(request.status())) {
      return false;
    }
    return request.medicationReference()
        || request.medicationCode().isEmpty()
        || request.medicationCode().stream().anyMatch(this::interacts);
  }

  private boolean interacts(ScannedCoding coding) {
    for (String valueSet : CourseFacts.INTERACTIONS) {
      if (terminology.contains(valueSet, coding.system(), coding.code())) {
        return true;
      }
    }
    return false;
  }

  private boolean observationMayCount(ScannedResource observation) {
    if (observation.status() != null
        && ObservationFacts.NEVER_COUNTS.contains(observation.status())) {
      return false;
    }
    for (ScannedCoding coding : observation.code()) {
      if (DepressionScoreFacts.isPhq9(coding.system(), coding.code())) {
        return true;
      }
      for (String valueSet : terminology.valueSetsOf(coding.system(), coding.code())) {
        if (OBSERVATION_VALUE_SETS.contains(valueSet)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isAntidepressant(ScannedCoding coding) {
    return terminology.antidepressantIngredient(coding.system(), coding.code()).isPresent();
  }

  private boolean inSomeValueSet(ScannedCoding coding) {
    return !terminology.valueSetsOf(coding.system(), coding.code()).isEmpty();
  }
}
