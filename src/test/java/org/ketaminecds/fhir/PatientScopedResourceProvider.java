package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * HAPI's in-memory provider ignores {@code patient=} and {@code subject=} (stack notes): this one
 * filters on them, on {@code code} (a token list), and answers {@code
 * _include=MedicationStatement:medication} the way a real server does, by attaching the Medication
 * to the reference so that HAPI's bundle factory adds it with search mode {@code include}.
 */
public class PatientScopedResourceProvider<T extends Resource> extends HashMapResourceProvider<T> {

  private static final String MEDICATION_INCLUDE = "MedicationStatement:medication";
  private static final String ADMINISTRATION_INCLUDE = "MedicationAdministration:medication";
  private static final String REQUEST_INCLUDE = "MedicationRequest:medication";

  private final Function<String, Optional<Resource>> medicationById;

  public PatientScopedResourceProvider(
      FhirContext fhirContext, Class<T> type, Function<String, Optional<Resource>> medicationById) {
    super(fhirContext, type);
    this.medicationById = medicationById;
  }

  @Search
  public List<IBaseResource> searchByPatient(
      @RequiredParam(name = "patient") ReferenceParam patient,
      @OptionalParam(name = "code") TokenOrListParam code,
      @OptionalParam(name = "status") TokenOrListParam status,
      @IncludeParam(allow = {MEDICATION_INCLUDE, ADMINISTRATION_INCLUDE, REQUEST_INCLUDE})
          Set<Include> includes) {
    return search(patient, code, includes).stream()
        .filter(resource -> status == null || hasStatus((Resource) resource, status))
        .collect(Collectors.toList());
  }

  /** The course resources' status search (the other types are never searched by status). */
  private static boolean hasStatus(Resource resource, TokenOrListParam status) {
    String code =
        resource instanceof MedicationAdministration a
            ? a.getStatus().toCode()
            : resource instanceof MedicationRequest r ? r.getStatus().toCode() : null;
    return status.getValuesAsQueryTokens().stream().anyMatch(t -> t.getValue().equals(code));
  }

  @Search
  public List<IBaseResource> searchBySubject(
      @RequiredParam(name = "subject") ReferenceParam subject,
      @OptionalParam(name = "code") TokenOrListParam code,
      @IncludeParam(allow = {MEDICATION_INCLUDE}) Set<Include> includes) {
    return search(subject, code, includes);
  }

  private List<IBaseResource> search(
      ReferenceParam patient, TokenOrListParam code, Set<Include> includes) {
    boolean includeMedications =
        includes != null
            && includes.stream().anyMatch(i -> MEDICATION_INCLUDE.equals(i.getValue()));
    return getStoredResources().stream()
        .filter(resource -> patient.getIdPart().equals(patientIdOf(resource)))
        .filter(resource -> code == null || hasCode(resource, code))
        .map(resource -> withIncludes(resource.copy(), includeMedications))
        .collect(Collectors.toList());
  }

  private Resource withIncludes(Resource resource, boolean includeMedications) {
    if (includeMedications
        && resource instanceof MedicationStatement
        && ((MedicationStatement) resource).hasMedicationReference()) {
      Reference reference = ((MedicationStatement) resource).getMedicationReference();
      medicationById
          .apply(new IdType(reference.getReference()).getIdPart())
          .ifPresent(reference::setResource);
    }
    return resource;
  }

  private static String patientIdOf(Resource resource) {
    Reference subject;
    if (resource instanceof Condition) {
      subject = ((Condition) resource).getSubject();
    } else if (resource instanceof Observation) {
      subject = ((Observation) resource).getSubject();
    } else if (resource instanceof MedicationStatement) {
      subject = ((MedicationStatement) resource).getSubject();
    } else if (resource instanceof AllergyIntolerance) {
      subject = ((AllergyIntolerance) resource).getPatient();
    } else if (resource instanceof MedicationAdministration) {
      subject = ((MedicationAdministration) resource).getSubject();
    } else if (resource instanceof MedicationRequest) {
      subject = ((MedicationRequest) resource).getSubject();
    } else {
      return null;
    }
    return subject.hasReference() ? new IdType(subject.getReference()).getIdPart() : null;
  }

  private static boolean hasCode(Resource resource, TokenOrListParam wanted) {
    CodeableConcept concept;
    if (resource instanceof Observation) {
      concept = ((Observation) resource).getCode();
    } else if (resource instanceof Condition) {
      concept = ((Condition) resource).getCode();
    } else if (resource instanceof AllergyIntolerance) {
      concept = ((AllergyIntolerance) resource).getCode();
    } else {
      return false;
    }
    return concept.getCoding().stream()
        .anyMatch(
            coding ->
                wanted.getValuesAsQueryTokens().stream()
                    .anyMatch(token -> matches(token, coding.getSystem(), coding.getCode())));
  }

  private static boolean matches(TokenParam token, String system, String code) {
    boolean systemMatches = token.getSystem() == null || token.getSystem().equals(system);
    return systemMatches && token.getValue() != null && token.getValue().equals(code);
  }
}
