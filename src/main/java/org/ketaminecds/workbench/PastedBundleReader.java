package org.ketaminecds.workbench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.fhir.LenientParsing;
import org.ketaminecds.fhir.PatientRecord;
import org.springframework.stereotype.Component;

/**
 * Parses a pasted FHIR R4 Bundle of any type (collection, searchset, transaction, document...) into
 * the chart the rules see and the draft orders of the order hooks. Entries of other resource types
 * are left out with a note rather than refused, so that an EHR export can be pasted as it is.
 */
@Component
class PastedBundleReader {

  private final FhirContext fhirContext;

  PastedBundleReader(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  PastedChart read(String bundleJson, boolean orderHook) {
    Bundle bundle = parse(bundleJson);
    var chart = new PatientRecord.Builder();
    var draftOrders = new Bundle().setType(Bundle.BundleType.COLLECTION);
    Map<String, Integer> leftOut = new TreeMap<>();
    int requests = 0;
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null) {
        leftOut.merge("entries without a resource", 1, Integer::sum);
      } else if (resource instanceof Patient && chart.hasPatient()) {
        throw WorkbenchRequestException.invalid(
            "The Bundle holds more than one Patient; paste one patient's chart");
      } else if (resource instanceof MedicationRequest r) {
        draftOrders.addEntry().setResource(r);
        requests++;
      } else if (chart.add(resource)) {
        if (resource instanceof Medication m) {
          // Both a statement and a draft order may reference a Medication by id.
          draftOrders.addEntry().setResource(m);
        }
      } else {
        leftOut.merge(resource.fhirType(), 1, Integer::sum);
      }
    }
    var notes = new ArrayList<String>();
    leftOut.forEach(
        (type, count) -> notes.add("Left out " + count + " × " + type + ": not read by the rules"));
    if (!orderHook && requests > 0) {
      notes.add(
          "Left out "
              + requests
              + " × MedicationRequest: draft orders are read on order-select and order-sign");
    }
    if (!chart.hasPatient()) {
      notes.add("The Bundle has no Patient: age-based rules cannot apply");
    }
    return new PastedChart(chart.build(), orderHook ? draftOrders : null, notes);
  }

  private Bundle parse(String bundleJson) {
    IBaseResource resource;
    try {
      resource = LenientParsing.jsonParser(fhirContext).parseResource(bundleJson);
    } catch (DataFormatException e) {
      throw WorkbenchRequestException.invalid(
          "The bundle is not valid FHIR R4 JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      // HAPI fails on some broken Bundles with a NullPointerException: refused all the same.
      throw WorkbenchRequestException.invalid("The bundle is not valid FHIR R4 JSON");
    }
    if (!(resource instanceof Bundle bundle)) {
      throw WorkbenchRequestException.invalid(
          "Paste a FHIR Bundle, not a " + resource.fhirType() + "; wrap resources in a Bundle");
    }
    return bundle;
  }
}
