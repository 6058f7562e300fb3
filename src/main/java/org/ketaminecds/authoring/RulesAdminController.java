package org.ketaminecds.authoring;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/rules}: which rule set is live, and what was wrong with the last rejected
 * change (file, line, column, message; failed scenarios).
 */
@RestController
class RulesAdminController {

  private final RuleSetPublisher publisher;

  RulesAdminController(RuleSetPublisher publisher) {
    this.publisher = publisher;
  }

  @GetMapping(path = "/admin/rules", produces = MediaType.APPLICATION_JSON_VALUE)
  RulesStatus status() {
    return publisher.status();
  }
}
