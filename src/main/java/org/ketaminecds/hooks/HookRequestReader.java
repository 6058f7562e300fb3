package org.ketaminecds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.r4.model.Bundle;
import org.ketaminecds.fhir.Prefetch;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
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

  // Bind one member in the middle of the request: what follows it is not trailing content.
  private final ObjectReader text = memberReader(String.class);
  private final ObjectReader authorization = memberReader(HookRequest.FhirAuthorization.class);
  private final ObjectReader tree = memberReader(JsonNode.class);

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
    Bundle draftOrders = service.orderHook() ? draftOrders(request.context()) : null;
    return new HookCall(service, request, patientId, draftOrders);
  }

  private HookRequest parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidHookRequestException("The request has no body; a CDS Hooks request is JSON");
    }
    try (JsonParser parser = json.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.VALUE_NULL) {
        throw new InvalidHookRequestException("The request body is JSON null");
      }
      if (first != JsonToken.START_OBJECT) {
        throw notAHookRequest("expected a JSON object");
      }
      HookRequest request = members(parser, body);
      if (json.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          && parser.nextToken() != null) {
        throw notAHookRequest("more content after the request object");
      }
      return request;
    } catch (JacksonException e) {
      throw notAHookRequest(e.getOriginalMessage());
    }
  }

  /**
   * The members of the request object, in one pass over the body. Everything but {@code prefetch}
   * is bound as Jackson binds it; {@code prefetch}, most of the bytes, is only scanned, so the
   * chart never becomes a JSON tree (see {@link Prefetch}).
   */
  private HookRequest members(JsonParser parser, byte[] body) {
    String hook = null;
    String hookInstance = null;
    String fhirServer = null;
    HookRequest.FhirAuthorization fhirAuthorization = null;
    JsonNode context = null;
    Prefetch prefetch = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "hook" -> hook = text.readValue(parser);
        case "hookInstance" -> hookInstance = text.readValue(parser);
        case "fhirServer" -> fhirServer = text.readValue(parser);
        case "fhirAuthorization" -> fhirAuthorization = authorization.readValue(parser);
        case "context" -> context = tree.readValue(parser);
        case "prefetch" -> prefetch = prefetch(parser, value, body);
        default -> parser.skipChildren();
      }
    }
    return new HookRequest(hook, hookInstance, fhirServer, fhirAuthorization, context, prefetch);
  }

  private ObjectReader memberReader(Class<?> type) {
    return json.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static Prefetch prefetch(JsonParser parser, JsonToken value, byte[] body) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw notAHookRequest("prefetch must be a JSON object");
    }
    return Prefetch.scan(parser, body);
  }

  private static InvalidHookRequestException notAHookRequest(String reason) {
    return new InvalidHookRequestException("The request is not a CDS Hooks request: " + reason);
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
