package org.ketaminecds.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The one writer of error bodies: a FHIR OperationOutcome with one issue, the body the contract
 * asks for on every 4xx and 5xx, whoever answers (the hooks, the workbench, the JWT filter,
 * Tomcat's error valve). Written by hand rather than through HAPI so that the filter and the valve,
 * which run outside Spring MVC, write exactly the same JSON.
 */
public final class OperationOutcomes {

  public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

  private OperationOutcomes() {}

  /**
   * @param code an IssueType code ({@code invalid}, {@code not-found}...)
   * @param diagnostics what the caller should know, or null for nothing
   */
  public static String json(String code, String diagnostics) {
    var json = new StringBuilder(128);
    json.append("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\"")
        .append(",\"code\":\"");
    JsonStringEncoder.getInstance().quoteAsString(code, json);
    json.append('"');
    if (diagnostics != null) {
      json.append(",\"diagnostics\":\"");
      JsonStringEncoder.getInstance().quoteAsString(diagnostics, json);
      json.append('"');
    }
    return json.append("}]}").toString();
  }

  /**
   * Answers with the outcome from outside Spring MVC (a servlet filter), replacing anything
   * buffered; headers set before stay.
   *
   * @param outcome an OperationOutcome as {@link #json} writes it
   */
  public static void send(HttpServletResponse response, int status, String outcome)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(FHIR_JSON.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(outcome);
  }

  /** An answer of the status with the outcome as {@code application/fhir+json}. */
  public static ResponseEntity<String> answer(HttpStatus status, String code, String diagnostics) {
    return answer(status, FHIR_JSON, code, diagnostics);
  }

  public static ResponseEntity<String> answer(
      HttpStatus status, MediaType type, String code, String diagnostics) {
    return ResponseEntity.status(status).contentType(type).body(json(code, diagnostics));
  }
}
