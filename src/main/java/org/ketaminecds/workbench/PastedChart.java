package org.ketaminecds.workbench;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.ketaminecds.fhir.PatientRecord;

/**
 * A pasted Bundle sorted into what the service reads: the chart, the draft orders of the order
 * hooks (MedicationRequests and the Medications they may reference), and notes on entries left out.
 */
record PastedChart(PatientRecord chart, Bundle draftOrders, List<String> notes) {

  PastedChart {
    notes = List.copyOf(notes);
  }
}
