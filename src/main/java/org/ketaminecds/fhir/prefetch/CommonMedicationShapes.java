package org.ketaminecds.fhir.prefetch;

import static org.ketaminecds.fhir.prefetch.CommonDatatypes.annotation;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.concept;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.dateTime;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.dosage;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.meta;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.once;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.period;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.quantity;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.ratio;
import static org.ketaminecds.fhir.prefetch.CommonDatatypes.reference;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.ketaminecds.fhir.prefetch.ShapeMembers.Uncommon;

/**
 * The common shapes of the medication resources of a chart ({@link CommonShapeReader}): the
 * statements of the trials, the Medications they reference, the sessions (MedicationAdministration)
 * and the active orders (MedicationRequest). A medication reference is read when it is relative
 * ({@code Medication/id}): the facts find that Medication among the chart's as HAPI's Bundle
 * linking would.
 */
final class CommonMedicationShapes {

  private CommonMedicationShapes() {}

  static MedicationStatement statement(ShapeMembers members) {
    var statement = new MedicationStatement();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> statement.setMeta(meta(members));
        case "id" -> statement.setId(members.text());
        case "status" ->
            statement.setStatus(
                MedicationStatement.MedicationStatementStatus.fromCode(members.text()));
        case "statusReason" -> members.array(() -> statement.addStatusReason(concept(members)));
        case "medicationCodeableConcept" ->
            statement.setMedication(once(statement.hasMedication(), concept(members)));
        case "medicationReference" ->
            statement.setMedication(once(statement.hasMedication(), reference(members)));
        case "effectiveDateTime" ->
            statement.setEffective(once(statement.hasEffective(), dateTime(members)));
        case "effectivePeriod" ->
            statement.setEffective(once(statement.hasEffective(), period(members)));
        case "dosage" -> members.array(() -> statement.addDosage(dosage(members.object())));
        case "note" -> members.array(() -> statement.addNote(annotation(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return statement;
  }

  static Medication medication(ShapeMembers members) {
    var medication = new Medication();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> medication.setMeta(meta(members));
        case "id" -> medication.setId(members.text());
        case "code" -> medication.setCode(concept(members));
        case "form" -> medication.setForm(concept(members));
        case "ingredient" ->
            members.array(() -> medication.addIngredient(ingredient(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return medication;
  }

  private static Medication.MedicationIngredientComponent ingredient(ShapeMembers members) {
    var ingredient = new Medication.MedicationIngredientComponent();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "itemCodeableConcept" -> ingredient.setItem(concept(members));
        case "isActive" -> ingredient.setIsActiveElement(new BooleanType(members.bool()));
        case "strength" -> ingredient.setStrength(ratio(members));
        default -> throw Uncommon.SHAPE;
      }
    }
    return ingredient;
  }

  static MedicationAdministration administration(ShapeMembers members) {
    var administration = new MedicationAdministration();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> administration.setMeta(meta(members));
        case "id" -> administration.setId(members.text());
        case "status" ->
            administration.setStatus(
                MedicationAdministration.MedicationAdministrationStatus.fromCode(members.text()));
        case "medicationCodeableConcept" ->
            administration.setMedication(once(administration.hasMedication(), concept(members)));
        case "medicationReference" ->
            administration.setMedication(once(administration.hasMedication(), reference(members)));
        case "effectiveDateTime" ->
            administration.setEffective(once(administration.hasEffective(), dateTime(members)));
        case "effectivePeriod" ->
            administration.setEffective(once(administration.hasEffective(), period(members)));
        case "dosage" -> administration.setDosage(administered(members.object()));
        default -> throw Uncommon.SHAPE;
      }
    }
    return administration;
  }

  private static MedicationAdministration.MedicationAdministrationDosageComponent administered(
      ShapeMembers members) {
    var dosage = new MedicationAdministration.MedicationAdministrationDosageComponent();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "text" -> dosage.setText(members.text());
        case "route" -> dosage.setRoute(concept(members));
        case "dose" -> dosage.setDose(quantity(members));
        default -> throw Uncommon.SHAPE;
      }
    }
    return dosage;
  }

  static MedicationRequest request(ShapeMembers members) {
    var request = new MedicationRequest();
    for (String name = members.next(); name != null; name = members.next()) {
      switch (name) {
        case "resourceType" -> members.skip();
        case "meta" -> request.setMeta(meta(members));
        case "id" -> request.setId(members.text());
        case "status" ->
            request.setStatus(MedicationRequest.MedicationRequestStatus.fromCode(members.text()));
        case "medicationCodeableConcept" ->
            request.setMedication(once(request.hasMedication(), concept(members)));
        case "medicationReference" ->
            request.setMedication(once(request.hasMedication(), reference(members)));
        case "reasonCode" -> members.array(() -> request.addReasonCode(concept(members)));
        case "reasonReference" ->
            members.array(() -> request.addReasonReference(reference(members)));
        case "dosageInstruction" ->
            members.array(() -> request.addDosageInstruction(dosage(members.object())));
        default -> throw Uncommon.SHAPE;
      }
    }
    return request;
  }
}
