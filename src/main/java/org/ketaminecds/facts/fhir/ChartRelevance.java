package org.ketaminecds.facts.fhir;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.fhir.ResourceRelevance;
import org.ketaminecds.fhir.ScannedCoding;
import org.ketaminecds.fhir.ScannedResource;
import org.ketaminecds.terminology.Terminology;
import org.springframework.stereotype.Component;

/**
 * Which prefetched resources can give a fact, decided as the fact classes of this package decide
 * it, so that the others need not be parsed at all (and of those parsed, which elements): a
 * Condition only through a coding in a value set ({@link ConditionFacts}); a MedicationStatement
 * only when it may count and names an antidepressant ({@link MedicationTrialFacts}), or when active
 * and an interacting drug; an Observation only as a blood pressure, pregnancy status, PHQ-9 or body
 * weight ({@link ObservationFacts}, {@link CourseFacts}); a MedicationAdministration only when
 * completed, a MedicationRequest only when active and of an interacting drug ({@link CourseFacts}).
 * Every Medication is parsed (a session's may name ketamine by text alone). Patients, allergies
 * (matched on free text too) and anything else are always parsed. Of the resources parsed, HAPI
 * sees only the elements these classes read. {@code PrefetchFastPathTest} holds all this to the
 * facts of a full parse: a fact class that reads a new element must add it here.
 */
@Component
public class ChartRelevance implements ResourceRelevance {

  private static final List<String> OBSERVATION_VALUE_SETS =
      List.of(
          ObservationFacts.BP_PANEL,
          ObservationFacts.SYSTOLIC,
          ObservationFacts.DIASTOLIC,
          ObservationFacts.PREGNANCY_STATUS,
          CourseFacts.PHQ9,
          CourseFacts.BODY_WEIGHT);

  /**
   * The elements the fact classes read, by resource type ({@code onset} stands for every onset[x]);
   * every type not named here is read whole. Ids, meta (the version of an id) and contained
   * resources (a statement's {@code #medication}) are always kept.
   */
  private static final Map<String, Set<String>> ELEMENTS_READ =
      Map.of(
          "Condition",
          Set.of(
              "clinicalStatus", "verificationStatus", "code", "onset", "abatement", "recordedDate"),
          "MedicationStatement",
          Set.of("status", "medication", "effective", "dosage"),
          "Medication",
          Set.of("code"),
          "Observation",
          Set.of("status", "code", "effective", "value", "component"),
          "AllergyIntolerance",
          Set.of("clinicalStatus", "verificationStatus", "code", "criticality", "recordedDate"),
          "Patient",
          Set.of("birthDate", "gender"),
          "MedicationAdministration",
          Set.of("status", "medication", "effective", "dosage"),
          "MedicationRequest",
          Set.of("status", "medication"));

  private static final Set<String> ALWAYS_READ = Set.of("resourceType", "id", "meta", "contained");

  /** Choice elements: {@code onsetDateTime} is read as {@code onset}. */
  private static final List<String> CHOICES =
      List.of("onset", "abatement", "medication", "effective", "value");

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
    Set<String> read = ELEMENTS_READ.get(resourceType);
    if (read == null) {
      return true;
    }
    // "_status" holds the id and extensions of "status": kept or left out with it.
    String name = element.startsWith("_") ? element.substring(1) : element;
    return ALWAYS_READ.contains(name) || read.contains(name) || read.contains(choiceOf(name));
  }

  private static String choiceOf(String name) {
    for (String choice : CHOICES) {
      if (name.startsWith(choice)) {
        return choice;
      }
    }
    return name;
  }

  private boolean statementMayCount(ScannedResource statement) {
    if (statement.status() != null
        && MedicationTrialFacts.NEVER_COUNTS.contains(statement.status())) {
      return false;
    }
    boolean byCode = !statement.medicationCode().isEmpty();
    if (statement.medicationReference() || !byCode) {
      // The code is in a Medication (or nowhere): parsed, and the lookup decides.
      return true;
    }
    return statement.medicationCode().stream().anyMatch(this::isAntidepressant)
        || ("active".equals(statement.status())
            && statement.medicationCode().stream().anyMatch(this::interacts));
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
      for (String valueSet : OBSERVATION_VALUE_SETS) {
        if (terminology.contains(valueSet, coding.system(), coding.code())) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean inSomeValueSet(ScannedCoding coding) {
    return !terminology.valueSetsOf(coding.system(), coding.code()).isEmpty();
  }

  private boolean isAntidepressant(ScannedCoding coding) {
    return terminology.antidepressantIngredient(coding.system(), coding.code()).isPresent();
  }
}
