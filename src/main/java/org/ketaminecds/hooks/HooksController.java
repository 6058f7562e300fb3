package org.ketaminecds.hooks;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CDS Hooks 2.0 endpoints: discovery, service calls and feedback. Calls must be sent as {@code
 * application/json}; their bodies are read by {@link RequestBodies}, within the size limit.
 */
@RestController
@RequestMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
class HooksController {

  static final String RULESET_HEADER = "X-Ruleset-Version";

  private final CdsServiceCatalog catalog;
  private final HookRequestReader reader;
  private final HookCallHandler handler;
  private final FeedbackRecorder feedback;
  private final RequestBodies bodies;

  HooksController(
      CdsServiceCatalog catalog,
      HookRequestReader reader,
      HookCallHandler handler,
      FeedbackRecorder feedback,
      RequestBodies bodies) {
    this.catalog = catalog;
    this.reader = reader;
    this.handler = handler;
    this.feedback = feedback;
    this.bodies = bodies;
  }

  @GetMapping({"", "/"})
  Discovery discovery() {
    return Discovery.of(catalog.all());
  }

  @PostMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<HookResponse> call(@PathVariable String id, HttpServletRequest request) {
    CdsService service = catalog.find(id).orElseThrow(() -> new UnknownServiceException());
    HookCallHandler.Answer answer = handler.handle(reader.read(service, bodies.read(request)));
    return ResponseEntity.ok()
        .header(RULESET_HEADER, answer.ruleSetVersion())
        .body(answer.response());
  }

  @PostMapping(path = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> feedback(@PathVariable String id, HttpServletRequest request) {
    CdsService service = catalog.find(id).orElseThrow(() -> new UnknownServiceException());
    feedback.record(service, bodies.read(request));
    return ResponseEntity.ok().build();
  }
}
