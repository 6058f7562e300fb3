package org.ketaminecds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks a hook call: malformed JSON, a missing {@code hook}, {@code hookInstance} or
 * {@code context.patientId}, a hook that is not the service's, or unreadable draft orders are 400s,
 * each with a message the EHR's integrator can act on. Messages never echo content.
 */
@Component
class HookRequestReader {

  private final JsonMapper json =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final FhirContext fhirContext;

  HookRequestReader(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  HookCall read(CdsService service, byte[] body) {
    HookRequest request = parse(body);
    require(request.hook(), "hook");
    require(request.hookInstance(), "hookInstance");
    if (!service.hook().equals(request.hook())) {
      throw new InvalidHookRequestException(
          "The service "
              + service.id()
              + " answers the hook "
              + service.hook()
              + ", not "
              + request.hook());
    }
    if (request.context() == null || !request.context().isObject()) {
      throw new InvalidHookRequestException("The request has no context object");
    }
    String patientId = text(request.context(), "patientId");
    require(patientId, "context.patientId");
    if (request.prefetch() != null && request.prefetch().containsKey(null)) {
      throw new InvalidHookRequestException("prefetch has a key that is not a text");
    }
    Bundle draftOrders = service.orderHook() ? draftOrders(request.context()) : null;
    return new HookCall(service, request, patientId, draftOrders);
  }

  private HookRequest parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidHookRequestException("The request has no body; a CDS Hooks request is JSON");
    }
    try {
      HookRequest request = json.readValue(body, HookRequest.class);
      if (request == null) {
        throw new InvalidHookRequestException("The request body is JSON null");
      }
      return request;
    } catch (JacksonException e) {
      throw new InvalidHookRequestException(
          "The request is not a CDS Hooks request: " + e.getOriginalMessage());
    }
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
    try {
      if (parser.parseResource(orders.toString()) instanceof Bundle bundle) {
        return bundle;
      }
    } catch (DataFormatException | ClassCastException e) {
      throw new InvalidHookRequestException("context.draftOrders is not a readable FHIR Bundle");
    }
    throw new InvalidHookRequestException("context.draftOrders must be a FHIR Bundle");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new InvalidHookRequestException("The request has no " + name);
    }
  }
}
