package org.ketaminecds.hooks;

import org.hl7.fhir.r4.model.Bundle;

/**
 * A hook call that passed validation: the service called, the request, the patient in context and,
 * on the order hooks, the parsed draft orders (null on patient-view).
 */
record HookCall(CdsService service, HookRequest request, String patientId, Bundle draftOrders) {}
