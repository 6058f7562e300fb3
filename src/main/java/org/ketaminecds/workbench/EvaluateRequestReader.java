package org.ketaminecds.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code {"scenario": name}} or {@code {"hook", "asOf", "bundle"}}. The bundle may be the
 * Bundle object itself or its JSON text: the page sends the text area as it is, so that a typing
 * mistake gets the same clear 400 as any other bad Bundle.
 */
@Component
class EvaluateRequestReader {

  static final List<String> HOOKS = List.of("patient-view", "order-select", "order-sign");

  private final JsonMapper json = JsonMapper.builder().build();
  private final Clock clock;

  EvaluateRequestReader(Clock clock) {
    this.clock = clock;
  }

  EvaluateRequest read(byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? null : json.readTree(body);
    } catch (JacksonException e) {
      throw WorkbenchRequestException.invalid(
          "The request is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw WorkbenchRequestException.invalid(
          "Send a JSON object: {\"scenario\": name} or {\"hook\", \"asOf\", \"bundle\"}");
    }
    JsonNode scenario = root.get("scenario");
    JsonNode bundle = root.get("bundle");
    if (scenario != null && !scenario.isNull()) {
      if (bundle != null && !bundle.isNull()) {
        throw WorkbenchRequestException.invalid("Send either a scenario or a bundle, not both");
      }
      if (!scenario.isString() || scenario.asString().isBlank()) {
        throw WorkbenchRequestException.invalid("scenario must be the name of a scenario");
      }
      return new EvaluateRequest.OfScenario(scenario.asString());
    }
    if (bundle == null || bundle.isNull()) {
      throw WorkbenchRequestException.invalid("Send a scenario name or a FHIR Bundle to evaluate");
    }
    return new EvaluateRequest.OfBundle(
        hook(root.get("hook")), asOf(root.get("asOf")), text(bundle));
  }

  private static String hook(JsonNode hook) {
    if (hook == null || hook.isNull()) {
      throw WorkbenchRequestException.invalid("hook is missing: one of " + HOOKS);
    }
    if (!hook.isString() || !HOOKS.contains(hook.asString())) {
      throw WorkbenchRequestException.invalid(
          "hook must be one of " + HOOKS + ", not " + abbreviated(hook.toString()));
    }
    return hook.asString();
  }

  private LocalDate asOf(JsonNode asOf) {
    if (asOf == null || asOf.isNull() || (asOf.isString() && asOf.asString().isBlank())) {
      return LocalDate.now(clock);
    }
    try {
      if (asOf.isString()) {
        return LocalDate.parse(asOf.asString());
      }
    } catch (DateTimeParseException e) {
      // reported below, with the accepted form
    }
    throw WorkbenchRequestException.invalid(
        "asOf must be a date like 2026-06-01, not " + abbreviated(asOf.toString()));
  }

  private static String text(JsonNode bundle) {
    if (bundle.isString()) {
      return bundle.asString();
    }
    if (bundle.isObject()) {
      return bundle.toString();
    }
    throw WorkbenchRequestException.invalid("bundle must be a FHIR Bundle (a JSON object)");
  }

  /** Echoes a short piece of what was sent, enough to spot the mistake. */
  static String abbreviated(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
