package org.ketaminecds.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
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
    List<AllergyIntolerance> allergies) {

  public PatientRecord {
    conditions = List.copyOf(conditions);
    medicationStatements = List.copyOf(medicationStatements);
    medications = List.copyOf(medications);
    observations = List.copyOf(observations);
    allergies = List.copyOf(allergies);
  }
}
