package org.ketaminecds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.ketaminecds.fhir.LenientParsing;
import org.ketaminecds.fhir.PatientDataLoader;
import org.ketaminecds.fhir.prefetch.Prefetch;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
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

  // Members are bound in the middle of the request: what follows them is not trailing content.
  private static final ObjectReader AUTHORIZATION =
      RequestJson.MAPPER
          .readerFor(HookRequest.FhirAuthorization.class)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ObjectReader TREE =
      RequestJson.MAPPER
          .readerFor(JsonNode.class)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final FhirContext fhirContext;
  private final PatientDataLoader patientData;

  HookRequestReader(FhirContext fhirContext, PatientDataLoader patientData) {
    this.fhirContext = fhirContext;
    this.patientData = patientData;
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
    Bundle draftOrders = service.orderHook() ? draftOrders(request.context()) : null;
    return new HookCall(service, request, patientId, draftOrders);
  }

  /**
   * Reads the request in one pass over its bytes. Every member but {@code prefetch} is bound as
   * Jackson binds it; {@code prefetch}, most of the bytes of a call, is only scanned (see {@link
   * Prefetch}): a heavy chart never becomes a JSON tree, nor a string to be parsed again.
   */
  private HookRequest parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidHookRequestException("The request has no body; send a JSON object");
    }
    try (JsonParser parser = RequestJson.MAPPER.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw RequestJson.notAnObject("request", RequestJson.jsonType(first));
      }
      HookRequest request = members(parser, body);
      if (parser.nextToken() != null) {
        // What a JSON tree reader reports as trailing tokens: the body is not one JSON value.
        throw new InvalidHookRequestException(
            "The request is not valid JSON: more content follows the request object");
      }
      return request;
    } catch (JacksonException e) {
      throw RequestJson.unreadable("request", e);
    }
  }

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
        case "hook" -> hook = text(parser, value, name);
        case "hookInstance" -> hookInstance = text(parser, value, name);
        case "fhirServer" -> fhirServer = text(parser, value, name);
        case "fhirAuthorization" -> fhirAuthorization = authorization(parser, value);
        case "context" -> context = context(parser, value);
        case "prefetch" -> prefetch = prefetch(parser, value, body);
        default -> parser.skipChildren();
      }
    }
    return new HookRequest(hook, hookInstance, fhirServer, fhirAuthorization, context, prefetch);
  }

  /** A string member; {@code 42} is a broken client, not an identifier (no coercion to text). */
  private static String text(JsonParser parser, JsonToken value, String name) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING) {
      throw new InvalidHookRequestException(name + " must be a JSON string");
    }
    return parser.getString();
  }

  private static HookRequest.FhirAuthorization authorization(JsonParser parser, JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw new InvalidHookRequestException("fhirAuthorization must be a JSON object");
    }
    try {
      return AUTHORIZATION.readValue(parser);
    } catch (MismatchedInputException e) {
      throw new InvalidHookRequestException("fhirAuthorization." + RequestJson.wrongType(e));
    }
  }

  private static JsonNode context(JsonParser parser, JsonToken value) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw new InvalidHookRequestException("context must be a JSON object");
    }
    return TREE.readValue(parser);
  }

  private Prefetch prefetch(JsonParser parser, JsonToken value, byte[] body) {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      throw new InvalidHookRequestException("prefetch must be a JSON object");
    }
    return patientData.scanPrefetch(parser, body);
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
    IParser parser = LenientParsing.jsonParser(fhirContext);
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
