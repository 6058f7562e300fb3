package org.ketaminecds.fhir;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * The data every service of this project reads, one entry per prefetch key. The template is the CDS
 * Hooks 2.0 prefetch template that discovery advertises; the same query (with the patient id filled
 * in) is what the service runs itself against {@code fhirServer} when the EHR did not prefetch the
 * key.
 */
public enum PrefetchKey {
  PATIENT("patient", "Patient/{{context.patientId}}", List.of(Patient.class)),
  CONDITIONS("conditions", "Condition?patient={{context.patientId}}", List.of(Condition.class)),
  MEDICATIONS(
      "medications",
      "MedicationStatement?patient={{context.patientId}}&_include=MedicationStatement:medication",
      List.of(MedicationStatement.class, Medication.class)),
  OBSERVATIONS(
      "observations",
      "Observation?patient={{context.patientId}}&code=" + observationCodes(),
      List.of(Observation.class)),
  ALLERGIES(
      "allergies",
      "AllergyIntolerance?patient={{context.patientId}}",
      List.of(AllergyIntolerance.class)),
  // The treatment course (issue 13): sessions given, and active orders for interactions. Optional:
  // a chart without them is still checked for safety (see optional()).
  ADMINISTRATIONS(
      "administrations",
      "MedicationAdministration?patient={{context.patientId}}&status=completed"
          + "&_include=MedicationAdministration:medication",
      List.of(MedicationAdministration.class, Medication.class)),
  MEDICATION_REQUESTS(
      "medicationRequests",
      "MedicationRequest?patient={{context.patientId}}&status=active"
          + "&_include=MedicationRequest:medication",
      List.of(MedicationRequest.class, Medication.class));

  /**
   * Blood pressure (panels and single readings), pregnancy status, hCG tests, breastfeeding status,
   * PHQ-9 total score and body weight: what the rules look at.
   */
  static final List<String> OBSERVATION_LOINC_CODES = ObservationCodes.LOINC;

  private final String key;
  private final String template;
  private final List<Class<? extends Resource>> resourceTypes;
  private final Set<String> resourceTypeNames;

  PrefetchKey(String key, String template, List<Class<? extends Resource>> resourceTypes) {
    this.key = key;
    this.template = template;
    this.resourceTypes = resourceTypes;
    this.resourceTypeNames =
        resourceTypes.stream().map(Class::getSimpleName).collect(Collectors.toUnmodifiableSet());
  }

  public String key() {
    return key;
  }

  public String template() {
    return template;
  }

  /**
   * The resource types this key delivers; anything else in its Bundle (an OperationOutcome with
   * search mode {@code outcome}, say) is not data for this key.
   */
  public List<Class<? extends Resource>> resourceTypes() {
    return resourceTypes;
  }

  /** Whether a resource of this type (as JSON names it: "Condition") is one of this key's. */
  public boolean holdsType(String resourceType) {
    return resourceTypeNames.contains(resourceType);
  }

  /** Whether the resource is of one of this key's types. */
  public boolean isTypeOf(IBaseResource resource) {
    return resourceTypes.stream().anyMatch(type -> type.isInstance(resource));
  }

  /** The Bundle's entries that are data for this key; search outcomes and strays are dropped. */
  public List<Resource> resourcesIn(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(Objects::nonNull)
        .filter(this::isTypeOf)
        .collect(Collectors.toList());
  }

  /**
   * Whether the key may go unread when it was not prefetched: the course keys add course and
   * interaction cards, but an EHR that prefetches only the safety data, or sends no {@code
   * fhirServer}, still gets its safety check rather than a 412. When other keys are fetched from
   * the {@code fhirServer}, these are fetched with them, and a failure is a 412 as for any key.
   */
  boolean optional() {
    return this == ADMINISTRATIONS || this == MEDICATION_REQUESTS;
  }

  /** Whether the query is a read of one resource rather than a search returning a Bundle. */
  boolean isRead() {
    return this == PATIENT;
  }

  /** The query for one patient, relative to the FHIR base URL. */
  public String queryFor(String patientId) {
    return template.replace("{{context.patientId}}", patientId);
  }

  private static String observationCodes() {
    return String.join(
        ",", ObservationCodes.LOINC.stream().map(code -> "http://loinc.org|" + code).toList());
  }

  /**
   * Holds the codes outside the enum: the constants are built before the enum's own static fields
   * are set, so a static field of the enum read in a constant's arguments is still null.
   */
  private static final class ObservationCodes {
    // blood pressure (panels, single readings in any position), pregnancy status, and (rev. 2)
    // breastfeeding status and hCG tests, PHQ-9 (44261-6: a fall contradicts a trial's failure;
    // the course's response) and body weight (29463-7 and its variants: the IV dose):
    // the codes of the Observation value sets the facts read
    static final List<String> LOINC =
        List.of(
            "85354-9", "55284-4", "8480-6", "8462-4", "82810-3", "11378-7", "8459-0", "8460-8",
            "8461-6", "89268-7", "8453-3", "8454-1", "8455-8", "19080-1", "19180-9", "20415-6",
            "20994-0", "2106-3", "2107-1", "2110-5", "2111-3", "2112-1", "2113-9", "2114-7",
            "2115-4", "2118-8", "2119-6", "21198-7", "25372-4", "25373-2", "34670-0", "45194-8",
            "55869-2", "55870-0", "56497-1", "80384-1", "80385-8", "83086-9", "93769-8", "99104-2",
            "63895-7", "44261-6", "29463-7", "3141-9", "3142-7", "8350-1", "8351-9");
  }
}
