package org.ketaminecds.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

/** A fault of the service: a 500 that tells the caller nothing, and a log without content. */
@ExtendWith(OutputCaptureExtension.class)
class HttpErrorsTest {

  final HttpErrors errors = new HttpErrors();

  @Test
  void anUnexpectedFailureIsLoggedWithItsStackButWithoutTheMessagesThatQuoteContent(
      CapturedOutput output) {
    Exception failure =
        new IllegalStateException(
            "patient Zebulon Quixotic-Marchetti",
            new DataFormatException("Unexpected value 'F33.2' at Condition.code"));

    ResponseEntity<String> answer = errors.unexpected(failure);

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getBody()).contains("the failure is logged").doesNotContain("Zebulon");
    assertThat(output.getAll())
        .contains("java.lang.IllegalStateException", "ca.uhn.fhir.parser.DataFormatException")
        .contains("at org.ketaminecds.web.HttpErrorsTest")
        .doesNotContain("Zebulon", "Quixotic", "F33.2");
  }
}
