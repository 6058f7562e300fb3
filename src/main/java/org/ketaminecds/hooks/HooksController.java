package org.ketaminecds.hooks;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The CDS Hooks 2.0 endpoints: discovery, service calls and feedback. */
@RestController
@RequestMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
class HooksController {

  static final String RULESET_HEADER = "X-Ruleset-Version";

  private final CdsServiceCatalog catalog;
  private final HookRequestReader reader;
  private final HookCallHandler handler;
  private final FeedbackRecorder feedback;

  HooksController(
      CdsServiceCatalog catalog,
      HookRequestReader reader,
      HookCallHandler handler,
      FeedbackRecorder feedback) {
    this.catalog = catalog;
    this.reader = reader;
    this.handler = handler;
    this.feedback = feedback;
  }

  @GetMapping
  Discovery discovery() {
    return Discovery.of(catalog.all());
  }

  @PostMapping(path = "/{id}")
  ResponseEntity<HookResponse> call(
      @PathVariable String id, @RequestBody(required = false) byte[] body) {
    CdsService service = catalog.find(id).orElseThrow(() -> new UnknownServiceException(id));
    HookCallHandler.Answer answer = handler.handle(reader.read(service, body));
    return ResponseEntity.ok()
        .header(RULESET_HEADER, answer.ruleSetVersion())
        .body(answer.response());
  }

  @PostMapping(path = "/{id}/feedback")
  ResponseEntity<Void> feedback(
      @PathVariable String id, @RequestBody(required = false) byte[] body) {
    CdsService service = catalog.find(id).orElseThrow(() -> new UnknownServiceException(id));
    feedback.record(service, body);
    return ResponseEntity.ok().build();
  }
}
