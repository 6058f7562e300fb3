package org.ketaminecds.facts.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Timing;
import org.ketaminecds.facts.KetamineOrder;
import org.ketaminecds.terminology.Terminology;

/**
 * Finds the draft orders of ketamine or esketamine among {@code context.draftOrders} (contract,
 * "Draft orders"): a MedicationRequest whose medication code, or the code of the Medication it
 * references (contained or in the bundle), is in the ketamine-esketamine value set; or, lacking any
 * such code, whose text or display names ketamine, esketamine or Spravato. Each says which drug
 * (esketamine by a code of value set esketamine or by its name), the route and why it was ordered.
 */
public class DraftOrderReader {

  static final ElementsRead READS =
      ElementsRead.of(
          "MedicationRequest",
          "medication[x]",
          "reasonCode",
          "reasonReference",
          "dosageInstruction");

  private final Terminology terminology;
  private final OrderReasons reasons;

  public DraftOrderReader(Terminology terminology) {
    this.terminology = terminology;
    this.reasons = new OrderReasons(terminology);
  }

  public List<KetamineOrder> ketamineOrders(Bundle draftOrders) {
    var medications = new ArrayList<Medication>();
    Map<String, Condition> conditions = new HashMap<>();
    for (BundleEntryComponent entry : draftOrders.getEntry()) {
      if (entry.getResource() instanceof Medication medication) {
        medications.add(medication);
      } else if (entry.getResource() instanceof Condition condition) {
        conditions.put("Condition/" + condition.getIdElement().getIdPart(), condition);
        if (entry.getFullUrl() != null) {
          conditions.put(entry.getFullUrl(), condition);
        }
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
          boolean esketamine = isEsketamine(code, named);
          String route = OrderRoutes.of(request);
          OrderReasons.Decided reason = reasons.of(request, conditions);
          Dosage dosage =
              request.hasDosageInstruction() ? request.getDosageInstructionFirstRep() : null;
          orders.add(
              new KetamineOrder(
                  "MedicationRequest/" + request.getIdElement().getIdPart(),
                  named,
                  esketamine ? KetamineOrder.ESKETAMINE : KetamineOrder.KETAMINE,
                  // Spravato is a nasal spray, its only form (PI 2.1)
                  route == null && esketamine ? "nasal" : route,
                  reason.reason(),
                  reason.unresolved(),
                  KetamineDrug.doseMgOf(dosage),
                  dosesPerWeek(dosage)));
        }
      }
    }
    return orders;
  }

  private boolean isEsketamine(CodeableConcept code, String named) {
    for (Coding coding : code.getCoding()) {
      if (terminology.contains(ESKETAMINE, coding.getSystem(), coding.getCode())) {
        return true;
      }
    }
    if (AllergyFacts.ESKETAMINE_TEXT.matcher(named).find()) {
      return true;
    }
    if (code.hasText() && AllergyFacts.ESKETAMINE_TEXT.matcher(code.getText()).find()) {
      return true;
    }
    for (Coding coding : code.getCoding()) {
      if (coding.hasDisplay() && AllergyFacts.ESKETAMINE_TEXT.matcher(coding.getDisplay()).find()) {
        return true;
      }
    }
    return false;
  }

  private static final String ESKETAMINE = "esketamine";

  /** How often a dosage's timing gives a dose per week, or null when its timing does not say. */
  private static Double dosesPerWeek(Dosage dosage) {
    if (dosage == null || !dosage.hasTiming() || !dosage.getTiming().hasRepeat()) {
      return null;
    }
    Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
    if (!repeat.hasPeriod() || !repeat.hasPeriodUnit() || repeat.getPeriod().doubleValue() <= 0) {
      return null;
    }
    double days =
        switch (repeat.getPeriodUnit()) {
          case D -> 1;
          case WK -> 7;
          case MO -> 30;
          default -> 0;
        };
    if (days == 0) {
      return null;
    }
    int frequency = repeat.hasFrequency() ? repeat.getFrequency() : 1;
    return frequency * 7.0 / (repeat.getPeriod().doubleValue() * days);
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
