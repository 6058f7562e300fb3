package org.ketaminecds.fhir.prefetch;

import org.hl7.fhir.r4.model.DecimalType;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The members of the JSON object being read by {@link CommonShapeReader}, one at a time, each of
 * the JSON type FHIR gives it. Anything else throws {@link Uncommon#SHAPE}: the resource is then
 * left to HAPI's parser.
 */
final class ShapeMembers {
  private final JsonParser parser;

  ShapeMembers(JsonParser parser) {
    this.parser = parser;
  }

  /** The next member's name with the parser on its value, or null at the object's end. */
  String next() {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_OBJECT) {
      return null;
    }
    String name = parser.currentName();
    parser.nextToken();
    return name;
  }

  void skip() {
    parser.skipChildren();
  }

  /** The current value must be an object; its members follow. */
  ShapeMembers object() {
    expect(JsonToken.START_OBJECT);
    return this;
  }

  /** Each element of the current value, an array that must not be empty (FHIR forbids it). */
  void array(Runnable element) {
    expect(JsonToken.START_ARRAY);
    int count = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      element.run();
      count++;
    }
    if (count == 0) {
      throw Uncommon.SHAPE;
    }
  }

  String text() {
    expect(JsonToken.VALUE_STRING);
    String text = parser.getString();
    // HAPI trims some types and reads "" as no value: such strings are left to it.
    if (text.isEmpty() || text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ') {
      throw Uncommon.SHAPE;
    }
    return text;
  }

  int integer() {
    expect(JsonToken.VALUE_NUMBER_INT);
    return parser.getIntValue();
  }

  DecimalType decimal() {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw Uncommon.SHAPE;
    }
    // The number as written, as HAPI reads it: 100.0 stays 100.0. Exponents are left to HAPI.
    String number = parser.getText();
    if (number.indexOf('e') >= 0 || number.indexOf('E') >= 0) {
      throw Uncommon.SHAPE;
    }
    return new DecimalType(number);
  }

  boolean bool() {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw Uncommon.SHAPE;
    }
    return token == JsonToken.VALUE_TRUE;
  }

  private void expect(JsonToken expected) {
    if (parser.currentToken() != expected) {
      throw Uncommon.SHAPE;
    }
  }

  /** Thrown, without a stack, as soon as the JSON is not a shape read here. */
  static final class Uncommon extends RuntimeException {
    static final Uncommon SHAPE = new Uncommon();

    private Uncommon() {
      super("not a common shape", null, false, false);
    }
  }
}
