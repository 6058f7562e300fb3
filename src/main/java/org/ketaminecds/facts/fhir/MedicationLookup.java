package org.ketaminecds.facts.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Finds the medication code of a medication[x]: the CodeableConcept itself, or the code of the
 * Medication it references, contained in the resource ({@code #id}) or found among the Medications
 * that came with the chart or the draft-order bundle ({@code Medication/id} or its full URL).
 */
final class MedicationLookup {

  /** A referenced Medication is read for its code only. */
  static final ElementsRead READS = ElementsRead.of("Medication", "code", "form", "ingredient");

  private final Map<String, Medication> byReference = new HashMap<>();

  MedicationLookup(List<Medication> medications) {
    for (Medication medication : medications) {
      String idPart = medication.getIdElement().getIdPart();
      if (idPart != null) {
        byReference.put("Medication/" + idPart, medication);
      }
      if (medication.getIdElement().hasBaseUrl() || medication.getIdElement().isAbsolute()) {
        byReference.put(medication.getIdElement().getValue(), medication);
      }
    }
  }

  void addFullUrl(String fullUrl, Medication medication) {
    if (fullUrl != null) {
      byReference.put(fullUrl, medication);
    }
  }

  /** The code of the medication, or an empty concept when it cannot be found. */
  CodeableConcept codeOf(DomainResource owner, Type medicationChoice) {
    if (medicationChoice instanceof CodeableConcept concept) {
      return concept;
    }
    if (medicationChoice instanceof Reference reference) {
      Medication medication = resolve(owner, reference);
      if (medication != null && medication.hasCode()) {
        return medication.getCode();
      }
      // An unresolvable reference may still name the drug in its display.
      return new CodeableConcept().setText(reference.getDisplay());
    }
    return new CodeableConcept();
  }

  /** The Medication a medication[x] references, or null (a CodeableConcept, or not found). */
  Medication medicationOf(DomainResource owner, Type medicationChoice) {
    return medicationChoice instanceof Reference reference ? resolve(owner, reference) : null;
  }

  private Medication resolve(DomainResource owner, Reference reference) {
    if (reference.getResource() instanceof Medication attached) {
      return attached;
    }
    String target = reference.getReference();
    if (target == null) {
      return null;
    }
    if (target.startsWith("#")) {
      for (Resource contained : owner.getContained()) {
        if (contained instanceof Medication medication
            && target.substring(1).equals(contained.getIdElement().getIdPart())) {
          return medication;
        }
      }
      return null;
    }
    Medication medication = byReference.get(target);
    if (medication == null && target.contains("/Medication/")) {
      medication = byReference.get(target.substring(target.lastIndexOf("/Medication/") + 1));
    }
    return medication;
  }
}
