package org.ketaminecds.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Sorts the resources of all keys into a {@link PatientRecord}. A resource that arrives twice (a
 * Medication included on several pages, a server that repeats an entry) is kept once, by type and
 * id, so that the rules never count one trial twice. Left-out entries ({@link ChartEntry}) take
 * part in that with their identity, so the first entry of an id wins whether or not it was parsed.
 */
final class PatientRecordAssembler {
  private PatientRecordAssembler() {}

  static PatientRecord assemble(Map<PrefetchKey, List<ChartEntry>> entriesByKey) {
    Set<String> seen = new HashSet<>();
    List<Patient> patients = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    List<MedicationStatement> statements = new ArrayList<>();
    List<Medication> medications = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    List<AllergyIntolerance> allergies = new ArrayList<>();
    List<MedicationAdministration> administrations = new ArrayList<>();
    List<MedicationRequest> requests = new ArrayList<>();
    for (PrefetchKey key : PrefetchKey.values()) {
      for (ChartEntry entry : entriesByKey.getOrDefault(key, List.of())) {
        if (entry.identity() != null && !seen.add(entry.identity())) {
          continue;
        }
        Resource resource = entry.resource();
        if (resource instanceof Patient) {
          patients.add((Patient) resource);
        } else if (resource instanceof Condition) {
          conditions.add((Condition) resource);
        } else if (resource instanceof MedicationStatement) {
          statements.add((MedicationStatement) resource);
        } else if (resource instanceof Medication) {
          medications.add((Medication) resource);
        } else if (resource instanceof Observation) {
          observations.add((Observation) resource);
        } else if (resource instanceof AllergyIntolerance) {
          allergies.add((AllergyIntolerance) resource);
        } else if (resource instanceof MedicationAdministration) {
          administrations.add((MedicationAdministration) resource);
        } else if (resource instanceof MedicationRequest) {
          requests.add((MedicationRequest) resource);
        }
      }
    }
    Patient patient = patients.isEmpty() ? null : patients.get(0);
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
