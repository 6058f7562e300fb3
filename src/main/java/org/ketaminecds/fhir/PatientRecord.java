package org.ketaminecds.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/**
 * The patient's chart as far as this service reads it: parsed FHIR resources, whether they came
 * from prefetch or from the EHR's FHIR server. {@code medications} holds Medication resources
 * referenced by the statements (from {@code _include} or the prefetch bundle).
 *
 * <p>{@code patient} is null when the EHR prefetched {@code patient} as JSON {@code null} ("no such
 * resource") or when the caller did not ask for that key; the lists are then empty, never null.
 */
public record PatientRecord(
    Patient patient,
    List<Condition> conditions,
    List<MedicationStatement> medicationStatements,
    List<Medication> medications,
    List<Observation> observations,
    List<AllergyIntolerance> allergies,
    List<MedicationAdministration> administrations,
    List<MedicationRequest> medicationRequests) {

  public PatientRecord {
    administrations = List.copyOf(administrations);
    medicationRequests = List.copyOf(medicationRequests);
    conditions = List.copyOf(conditions);
    medicationStatements = List.copyOf(medicationStatements);
    medications = List.copyOf(medications);
    observations = List.copyOf(observations);
    allergies = List.copyOf(allergies);
  }

  /** A chart without course data: no sessions given, no active orders. */
  public PatientRecord(
      Patient patient,
      List<Condition> conditions,
      List<MedicationStatement> medicationStatements,
      List<Medication> medications,
      List<Observation> observations,
      List<AllergyIntolerance> allergies) {
    this(
        patient,
        conditions,
        medicationStatements,
        medications,
        observations,
        allergies,
        List.of(),
        List.of());
  }

  /** How many resources the chart holds besides the Patient. */
  public int resourceCount() {
    return conditions.size()
        + medicationStatements.size()
        + medications.size()
        + observations.size()
        + allergies.size()
        + administrations.size()
        + medicationRequests.size();
  }

  /**
   * Sorts loose resources (a scenario's list, a pasted Bundle) into a chart. Callers decide what to
   * do with the resources a chart does not hold, and with a second Patient.
   */
  public static final class Builder {
    private Patient patient;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<MedicationStatement> statements = new ArrayList<>();
    private final List<Medication> medications = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private final List<AllergyIntolerance> allergies = new ArrayList<>();
    private final List<MedicationAdministration> administrations = new ArrayList<>();
    private final List<MedicationRequest> requests = new ArrayList<>();

    /** Adds a resource of the chart; false (and nothing added) for any other type. */
    public boolean add(IBaseResource resource) {
      if (resource instanceof Patient p) {
        patient = p;
      } else if (resource instanceof Condition c) {
        conditions.add(c);
      } else if (resource instanceof MedicationStatement s) {
        statements.add(s);
      } else if (resource instanceof Medication m) {
        medications.add(m);
      } else if (resource instanceof Observation o) {
        observations.add(o);
      } else if (resource instanceof AllergyIntolerance a) {
        allergies.add(a);
      } else if (resource instanceof MedicationAdministration a) {
        administrations.add(a);
      } else if (resource instanceof MedicationRequest r) {
        requests.add(r);
      } else {
        return false;
      }
      return true;
    }

    public boolean hasPatient() {
      return patient != null;
    }

    public PatientRecord build() {
      return new PatientRecord(
          patient,
          conditions,
          statements,
          medications,
          observations,
          allergies,
          administrations,
          requests);
    }
  }
}
