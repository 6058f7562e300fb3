package org.ketaminecds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads and checks a hook call: a body that is not a JSON object, a member of the wrong JSON type,
 * a missing {@code hook}, {@code hookInstance} or {@code context.patientId}, a hook that is not the
 * service's, or unreadable draft orders are 400s, each with a message the EHR's integrator can act
 * on. Messages never echo content.
 */
@Component
class HookRequestReader {

  /**
   * CDS Hooks 2.0 makes {@code hookInstance} a UUID. Other identifiers are accepted, but not one
   * that could flood or forge the log lines it appears in.
   */
  static final int MAX_HOOK_INSTANCE_LENGTH = 100;

  private final FhirContext fhirContext;

  HookRequestReader(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  HookCall read(CdsService service, byte[] body) {
    HookRequest request = parse(body);
    require(request.hook(), "hook");
    require(request.hookInstance(), "hookInstance");
    checkHookInstance(request.hookInstance());
    if (!service.hook().equals(request.hook())) {
      throw new InvalidHookRequestException(
          "The service "
              + service.id()
              + " answers the hook "
              + service.hook()
              + "; this request is for another hook");
    }
    if (request.context() == null || request.context().isNull()) {
      throw new InvalidHookRequestException("The request has no context");
    }
    if (!request.context().isObject()) {
      throw new InvalidHookRequestException("context must be a JSON object");
    }
    String patientId = patientId(request.context());
    if (request.prefetch() != null && request.prefetch().containsKey(null)) {
      throw new InvalidHookRequestException("prefetch has a key that is not a text");
    }
    Bundle draftOrders = service.orderHook() ? draftOrders(request.context()) : null;
    return new HookCall(service, request, patientId, draftOrders);
  }

  private static HookRequest parse(byte[] body) {
    JsonNode root = RequestJson.object(body, "request");
    try {
      return RequestJson.MAPPER.treeToValue(root, HookRequest.class);
    } catch (MismatchedInputException e) {
      throw new InvalidHookRequestException(RequestJson.wrongType(e));
    } catch (JacksonException e) {
      throw new InvalidHookRequestException("The request is not a CDS Hooks request");
    }
  }

  private static void checkHookInstance(String hookInstance) {
    if (hookInstance.length() > MAX_HOOK_INSTANCE_LENGTH
        || hookInstance.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidHookRequestException(
          "hookInstance must be a UUID (at most "
              + MAX_HOOK_INSTANCE_LENGTH
              + " characters, no control characters)");
    }
  }

  private static String patientId(JsonNode context) {
    JsonNode value = context.get("patientId");
    if (value != null && !value.isNull() && !value.isString()) {
      throw new InvalidHookRequestException("context.patientId must be a JSON string");
    }
    String patientId = value == null || value.isNull() ? null : value.asString();
    require(patientId, "context.patientId");
    return patientId;
  }

  private Bundle draftOrders(JsonNode context) {
    JsonNode orders = context.get("draftOrders");
    if (orders == null || orders.isNull()) {
      throw new InvalidHookRequestException("context.draftOrders is required on this hook");
    }
    if (!orders.isObject()) {
      throw new InvalidHookRequestException("context.draftOrders must be a FHIR Bundle");
    }
    IParser parser = fhirContext.newJsonParser();
    parser.setParserErrorHandler(new LenientErrorHandler(false));
    Object parsed;
    try {
      parsed = parser.parseResource(orders.toString());
    } catch (RuntimeException e) {
      // Not only DataFormatException: HAPI fails on some broken Bundles with a
      // NullPointerException, and its messages quote the content anyway.
      throw new InvalidHookRequestException("context.draftOrders is not a readable FHIR Bundle");
    }
    if (parsed instanceof Bundle bundle) {
      return bundle;
    }
    throw new InvalidHookRequestException("context.draftOrders must be a FHIR Bundle");
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new InvalidHookRequestException("The request has no " + name);
    }
  }
}
