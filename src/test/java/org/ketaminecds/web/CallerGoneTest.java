package org.ketaminecds.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** A caller that hung up: no answer, no error in the log, whichever controller it called. */
@ExtendWith(OutputCaptureExtension.class)
class CallerGoneTest {

  @Test
  void aCallerThatHungUpGetsNoAnswerAndLeavesNoErrorInTheLog(CapturedOutput output) {
    var gone =
        new AsyncRequestNotUsableException(
            "ServletOutputStream failed to flush: java.io.IOException: Broken pipe");

    ResponseEntity<String> answer = new CallerGone().callerGone(gone);

    // null: Spring writes nothing to the closed response
    assertThat(answer).isNull();
    assertThat(output.getAll()).doesNotContain("ERROR", "Unexpected failure", "Broken pipe");
  }

  @Test
  void itComesBeforeTheCatchAllOfEveryOtherAdvice() throws ClassNotFoundException {
    int callerGone = CallerGone.class.getAnnotation(Order.class).value();
    for (String advice :
        new String[] {
          "org.ketaminecds.workbench.WorkbenchErrors",
          "org.ketaminecds.hooks.HookErrors",
          "org.ketaminecds.web.HttpErrors"
        }) {
      assertThat(callerGone)
          .as(advice)
          .isLessThan(Class.forName(advice).getAnnotation(Order.class).value());
    }
    assertThat(callerGone).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
  }
}
