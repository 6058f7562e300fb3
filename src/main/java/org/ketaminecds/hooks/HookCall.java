package org.ketaminecds.hooks;

import org.hl7.fhir.r4.model.Bundle;
import org.ketaminecds.fhir.PatientDataRequest;

/**
 * A hook call that passed validation: the service called, the request, the patient in context and,
 * on the order hooks, the parsed draft orders (null on patient-view).
 */
record HookCall(CdsService service, HookRequest request, String patientId, Bundle draftOrders) {

  /** Where this call's patient data is: prefetch, and the FHIR server with its token. */
  PatientDataRequest patientDataRequest() {
    String token =
        request.fhirAuthorization() == null ? null : request.fhirAuthorization().accessToken();
    return new PatientDataRequest(patientId, request.fhirServer(), token, request.prefetch());
  }
}
