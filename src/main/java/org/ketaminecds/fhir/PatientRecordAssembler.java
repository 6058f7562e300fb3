package org.ketaminecds.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Sorts the resources of all keys into a {@link PatientRecord}. A resource that arrives twice (a
 * Medication included on several pages, a server that repeats an entry) is kept once, by type and
 * id, so that the rules never count one trial twice.
 */
final class PatientRecordAssembler {
  private PatientRecordAssembler() {}

  static PatientRecord assemble(Map<PrefetchKey, List<Resource>> resourcesByKey) {
    Set<String> seen = new HashSet<>();
    List<Patient> patients = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    List<MedicationStatement> statements = new ArrayList<>();
    List<Medication> medications = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    List<AllergyIntolerance> allergies = new ArrayList<>();
    for (PrefetchKey key : PrefetchKey.values()) {
      for (Resource resource : resourcesByKey.getOrDefault(key, List.of())) {
        if (!firstOccurrence(resource, seen)) {
          continue;
        }
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
        }
      }
    }
    Patient patient = patients.isEmpty() ? null : patients.get(0);
    return new PatientRecord(patient, conditions, statements, medications, observations, allergies);
  }

  private static boolean firstOccurrence(Resource resource, Set<String> seen) {
    if (!resource.getIdElement().hasIdPart()) {
      return true;
    }
    return seen.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }
}
