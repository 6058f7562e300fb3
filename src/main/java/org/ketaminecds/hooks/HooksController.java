package org.ketaminecds.hooks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

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
  private final ObjectWriter responses;

  /**
   * @param json Spring's own mapper, so that an answer reads as the message converter wrote it
   */
  HooksController(
      CdsServiceCatalog catalog,
      HookRequestReader reader,
      HookCallHandler handler,
      FeedbackRecorder feedback,
      RequestBodies bodies,
      JsonMapper json) {
    this.catalog = catalog;
    this.reader = reader;
    this.handler = handler;
    this.feedback = feedback;
    this.bodies = bodies;
    this.responses = json.writerFor(HookResponse.class);
  }

  @GetMapping({"", "/"})
  Discovery discovery() {
    return Discovery.of(catalog.all());
  }

  @PostMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> call(
      @PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    CdsService service = catalog.find(id).orElseThrow(() -> new UnknownServiceException());
    HookCallHandler.Answer answer = handler.handle(reader.read(service, bodies.read(request)));
    // Written whole, with its length, in one write to the socket. Through the message converter,
    // which flushes as it goes, Tomcat sent the answer chunked from its 8 KB buffer: three writes
    // per call, a twentieth of its CPU.
    byte[] body = responses.writeValueAsBytes(answer.response());
    response.setBufferSize(body.length);
    return ResponseEntity.ok()
        .header(RULESET_HEADER, answer.ruleSetVersion())
        .contentType(MediaType.APPLICATION_JSON)
        .contentLength(body.length)
        .body(body);
  }

  @PostMapping(path = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> feedback(@PathVariable String id, HttpServletRequest request) {
    CdsService service = catalog.find(id).orElseThrow(() -> new UnknownServiceException());
    feedback.record(service, bodies.read(request));
    return ResponseEntity.ok().build();
  }
}
