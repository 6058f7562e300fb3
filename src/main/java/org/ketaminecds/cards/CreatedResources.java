package org.ketaminecds.cards;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The resources of the {@code create} suggestions: a referral to a REMS-certified setting, a PHQ-9
 * baseline and a blood-pressure measurement (contract, revision 2). Each is built with HAPI's R4
 * model and encoded by HAPI's parser once, when the class loads, with marker references; a call
 * only puts the patient (and the referral's reason) in place of the markers. Encoding the resources
 * on every call was a tenth of the time of a TRD candidate's call (profiled under {@code wrk}).
 */
final class CreatedResources {

  private static final String LOINC = "http://loinc.org";
  private static final String PATIENT = "urn:ketaminecds:marker:patient";
  private static final String REASON = "urn:ketaminecds:marker:reason";

  private static final String REFERRAL = encode(referral(false));
  private static final String REFERRAL_WITH_REASON = encode(referral(true));
  private static final String PHQ9_BASELINE =
      encode(
          serviceRequest(
              new Coding(
                  LOINC,
                  "44261-6",
                  "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
              "PHQ-9 baseline before ketamine/esketamine treatment"));
  private static final String BLOOD_PRESSURE =
      encode(
          serviceRequest(
              new Coding(LOINC, "85354-9", "Blood pressure panel with all children optional"),
              "Blood pressure before ketamine/esketamine treatment"));

  private CreatedResources() {}

  /** The draft referral, its reason the depressive disorder's Condition when known. */
  static String referral(String patientReference, String reasonReference) {
    return reasonReference == null
        ? withPatient(REFERRAL, patientReference)
        : withPatient(REFERRAL_WITH_REASON, patientReference)
            .replace(quoted(REASON), quoted(reasonReference));
  }

  static String phq9Baseline(String patientReference) {
    return withPatient(PHQ9_BASELINE, patientReference);
  }

  static String bloodPressureMeasurement(String patientReference) {
    return withPatient(BLOOD_PRESSURE, patientReference);
  }

  private static String withPatient(String json, String patientReference) {
    return json.replace(quoted(PATIENT), quoted(patientReference));
  }

  /** A JSON string of the value, escaped as JSON requires (the value comes from the request). */
  private static String quoted(String value) {
    StringBuilder json = new StringBuilder(value.length() + 2).append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, json);
    return json.append('"').toString();
  }

  private static ServiceRequest referral(boolean withReason) {
    ServiceRequest referral = new ServiceRequest();
    referral.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    referral.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
    referral.setCode(
        new CodeableConcept()
            .setText("Referral to a REMS-certified esketamine (Spravato) treatment setting"));
    referral.setSubject(new Reference(PATIENT));
    if (withReason) {
      referral.addReasonReference(new Reference(REASON));
    }
    return referral;
  }

  private static ServiceRequest serviceRequest(Coding code, String text) {
    ServiceRequest order = new ServiceRequest();
    order.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order.setCode(new CodeableConcept().addCoding(code).setText(text));
    order.setSubject(new Reference(PATIENT));
    return order;
  }

  private static String encode(Resource resource) {
    return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource);
  }
}
