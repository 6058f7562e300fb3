package org.ketaminecds.hooks;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a call body as JSON, with error messages an integrator can act on. Jackson's own messages
 * quote the offending token, which may be patient data, so they are never passed on: a message
 * names the position or the member, never the content.
 */
final class RequestJson {

  /**
   * Unknown members are ignored (CDS Hooks asks services to), but a number or boolean is not taken
   * for text: a {@code hookInstance} of {@code 42} is a broken client, not an identifier.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private RequestJson() {}

  /**
   * The body as a JSON object.
   *
   * @param what names the body in messages, e.g. "request" or "feedback request"
   * @throws InvalidHookRequestException when there is no body, it is not JSON, not an object, or
   *     beyond the parser's limits
   */
  static JsonNode object(byte[] body, String what) {
    if (body == null || body.length == 0) {
      throw new InvalidHookRequestException("The " + what + " has no body; send a JSON object");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw unreadable(what, e);
    }
    if (root == null || !root.isObject()) {
      String found = root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT);
      throw notAnObject(what, found);
    }
    return root;
  }

  /** The message for a body the JSON parser gave up on: where, never what. */
  static InvalidHookRequestException unreadable(String what, JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return new InvalidHookRequestException("The " + what + " " + beyondLimits());
    }
    return new InvalidHookRequestException(
        "The " + what + " is not valid JSON" + where(e.getLocation()));
  }

  static InvalidHookRequestException notAnObject(String what, String found) {
    return new InvalidHookRequestException(
        "The " + what + " must be a JSON object, not a JSON " + found);
  }

  /** How a message names the JSON type of a value that starts with this token. */
  static String jsonType(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> "value";
    };
  }

  /** The message for a member of a known type that holds a value of another JSON type. */
  static String wrongType(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      String name = reference.getPropertyName();
      if (name != null) {
        path.append(path.isEmpty() ? "" : ".").append(name);
      }
    }
    String member = path.isEmpty() ? "A member of the request" : path.toString();
    return member + " must be " + expected(e.getTargetType());
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another JSON type";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a JSON string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a JSON number";
    }
    return "a JSON object";
  }

  private static String beyondLimits() {
    StreamReadConstraints limits = MAPPER.tokenStreamFactory().streamReadConstraints();
    return "goes beyond what this service reads: JSON nested more than "
        + limits.getMaxNestingDepth()
        + " levels deep, or a number of more than "
        + limits.getMaxNumberLength()
        + " digits, or a name or text that is too long";
  }

  private static String where(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
