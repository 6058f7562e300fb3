package org.ketaminecds.hooks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.ketaminecds.web.OperationOutcomes;

/**
 * Tomcat's error page for what it refuses before a request reaches the application (a request line
 * or headers over {@code server.max-http-request-header-size}, a malformed URL): an
 * OperationOutcome instead of Tomcat's HTML, so that an EHR gets the same kind of error body as
 * from the service itself. It says nothing of the request.
 */
class OperationOutcomeErrorValve extends ErrorReportValve {

  private static final String REFUSED =
      "The HTTP request was refused before it reached the service: its request line, URL or"
          + " headers are malformed or too large";
  private static final String FAILED = "The service could not take the HTTP request";

  OperationOutcomeErrorValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // As Tomcat's own valve: only an error nobody has answered yet, on a connection still open.
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType(OperationOutcomes.FHIR_JSON.toString());
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            status >= 500
                ? OperationOutcomes.json("exception", FAILED)
                : OperationOutcomes.json("invalid", REFUSED));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response is committed: there is no one left to tell.
    }
  }
}
