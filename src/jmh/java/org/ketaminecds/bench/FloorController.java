package org.ketaminecds.bench;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of the load test, registered only in the benchmarks' {@code bench} profile: the same
 * request, through the same Tomcat, filters and body handling, read and answered with empty cards.
 */
@RestController
@Profile("bench")
class FloorController {

  static final String PATH = "/bench/floor";

  @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  byte[] floor(@RequestBody byte[] body) {
    return FloorAnswer.answer(body);
  }
}
