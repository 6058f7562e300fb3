package org.ketaminecds.fhir.prefetch;

import java.util.Arrays;
import org.hl7.fhir.r4.model.DecimalType;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The members of the JSON object being read by {@link CommonShapeReader}, one at a time, each of
 * the JSON type FHIR gives it. Anything else throws {@link Uncommon#SHAPE}: the resource is then
 * left to HAPI's parser.
 *
 * <p>A member that repeats within its object is not a common shape either (HAPI reads it from a
 * JSON tree, where the last one wins). The names of the objects being read are kept here, one run
 * per open object, rather than by Jackson's duplicate detection, which made a hash set for every
 * object of every resource: a tenth of a small chart's garbage.
 */
final class ShapeMembers {
  private final JsonParser parser;
  private String[] names = new String[32];
  private int nameCount;
  private int[] objectStarts = new int[8];
  private int depth;

  /** Members of the object the parser has just opened. */
  ShapeMembers(JsonParser parser) {
    this.parser = parser;
    open();
  }

  /** The next member's name with the parser on its value, or null at the object's end. */
  String next() {
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_OBJECT) {
      nameCount = objectStarts[--depth];
      return null;
    }
    String name = parser.currentName();
    remember(name);
    parser.nextToken();
    return name;
  }

  private void open() {
    if (depth == objectStarts.length) {
      objectStarts = Arrays.copyOf(objectStarts, depth * 2);
    }
    objectStarts[depth++] = nameCount;
  }

  private void remember(String name) {
    for (int i = objectStarts[depth - 1]; i < nameCount; i++) {
      if (names[i].equals(name)) {
        throw Uncommon.SHAPE;
      }
    }
    if (nameCount == names.length) {
      names = Arrays.copyOf(names, nameCount * 2);
    }
    names[nameCount++] = name;
  }

  void skip() {
    parser.skipChildren();
  }

  /** The current value must be an object; its members follow. */
  ShapeMembers object() {
    expect(JsonToken.START_OBJECT);
    open();
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
