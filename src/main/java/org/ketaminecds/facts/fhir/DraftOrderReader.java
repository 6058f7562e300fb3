package org.ketaminecds.facts.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.terminology.Terminology;
import org.springframework.stereotype.Component;

/**
 * Finds the draft orders of ketamine or esketamine among {@code context.draftOrders} (contract,
 * "Draft orders"): a MedicationRequest whose medication code, or the code of the Medication it
 * references (contained or in the bundle), is in the ketamine-esketamine value set; or, lacking any
 * such code, whose text or display names ketamine, esketamine or Spravato.
 */
@Component
public class DraftOrderReader {

  static final ElementsRead READS = ElementsRead.of("MedicationRequest", "medication[x]");

  private final Terminology terminology;

  public DraftOrderReader(Terminology terminology) {
    this.terminology = terminology;
  }

  public List<KetamineOrder> ketamineOrders(Bundle draftOrders) {
    var medications = new ArrayList<Medication>();
    for (BundleEntryComponent entry : draftOrders.getEntry()) {
      if (entry.getResource() instanceof Medication medication) {
        medications.add(medication);
      }
    }
    var lookup = new MedicationLookup(medications);
    for (BundleEntryComponent entry : draftOrders.getEntry()) {
      if (entry.getResource() instanceof Medication medication) {
        lookup.addFullUrl(entry.getFullUrl(), medication);
      }
    }
    var orders = new ArrayList<KetamineOrder>();
    for (BundleEntryComponent entry : draftOrders.getEntry()) {
      if (entry.getResource() instanceof MedicationRequest request) {
        CodeableConcept code = lookup.codeOf(request, request.getMedication());
        String named = ketamineNamed(code);
        if (named != null) {
          orders.add(
              new KetamineOrder("MedicationRequest/" + request.getIdElement().getIdPart(), named));
        }
      }
    }
    return orders;
  }

  private String ketamineNamed(CodeableConcept code) {
    for (Coding coding : code.getCoding()) {
      if (terminology.contains(AllergyFacts.KETAMINE, coding.getSystem(), coding.getCode())) {
        return coding.hasDisplay()
            ? coding.getDisplay()
            : code.hasText() ? code.getText() : "ketamine";
      }
    }
    if (code.hasText() && AllergyFacts.KETAMINE_TEXT.matcher(code.getText()).find()) {
      return code.getText();
    }
    for (Coding coding : code.getCoding()) {
      if (coding.hasDisplay() && AllergyFacts.KETAMINE_TEXT.matcher(coding.getDisplay()).find()) {
        return coding.getDisplay();
      }
    }
    return null;
  }
}
