package org.ketaminecds.hooks;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Error answers as FHIR OperationOutcome JSON, the body the contract asks for on 4xx. */
@Component
class OperationOutcomes {

  static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

  private final FhirContext fhirContext;

  OperationOutcomes(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  ResponseEntity<String> answer(HttpStatus status, IssueType type, String message) {
    var outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
    return ResponseEntity.status(status)
        .contentType(FHIR_JSON)
        .body(fhirContext.newJsonParser().encodeResourceToString(outcome));
  }
}
