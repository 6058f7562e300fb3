package org.ketaminecds.workbench;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ketaminecds.authoring.RulesStatusSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule authors' workbench: the page, the scenarios of the live rule set, and evaluation of a
 * scenario or a pasted chart. Exists only with {@code cds.workbench.enabled=true}.
 */
@RestController
@RequestMapping("/workbench")
@ConditionalOnBooleanProperty("cds.workbench.enabled")
class WorkbenchController {

  private static final Logger log = LoggerFactory.getLogger(WorkbenchController.class);
  private static final Resource PAGE = new ClassPathResource("static/workbench/index.html");

  private final ScenarioCatalog scenarios;
  private final EvaluateRequestReader reader;
  private final WorkbenchEvaluator evaluator;
  private final WorkbenchProperties properties;
  private final RulesStatusSource rulesStatus;

  WorkbenchController(
      ScenarioCatalog scenarios,
      EvaluateRequestReader reader,
      WorkbenchEvaluator evaluator,
      WorkbenchProperties properties,
      RulesStatusSource rulesStatus) {
    this.scenarios = scenarios;
    this.reader = reader;
    this.evaluator = evaluator;
    this.properties = properties;
    this.rulesStatus = rulesStatus;
    log.info(
        "The rule authors' workbench is on at /workbench: it evaluates any pasted chart."
            + " Keep cds.workbench.enabled off where the service meets real EHRs.");
  }

  /**
   * To the folder, as a web server does: the page's relative links (its script, its API) then
   * resolve under {@code /workbench/} whatever the context path.
   */
  @GetMapping
  ResponseEntity<Void> folder() {
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.LOCATION, "workbench/")
        .build();
  }

  @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<Resource> page() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
  }

  @GetMapping(path = "/api/scenarios", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ScenarioSummary> scenarios() {
    return scenarios.list();
  }

  /**
   * What the page's banner says: the rules watcher stopped, the last reload failed or the last
   * change was refused ({@code problem}); an empty object when all is well.
   */
  @GetMapping(path = "/api/status", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> status() {
    String notice = rulesStatus.notice();
    return notice == null ? Map.of() : Map.of("problem", notice);
  }

  @GetMapping(path = "/api/scenarios/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  String scenario(@PathVariable String name) {
    return scenarios.text(name);
  }

  @PostMapping(path = "/api/evaluate", produces = MediaType.APPLICATION_JSON_VALUE)
  EvaluationView evaluate(HttpServletRequest request) throws IOException {
    byte[] bytes =
        BoundedBody.read(
            request.getInputStream(),
            request.getContentLengthLong(),
            properties.maxBodySize().toBytes());
    return evaluator.evaluate(reader.read(bytes));
  }
}
