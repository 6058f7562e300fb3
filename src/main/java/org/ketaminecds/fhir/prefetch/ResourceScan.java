package org.ketaminecds.fhir.prefetch;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** What the scan of one resource found so far; irregular as soon as anything is unexpected. */
final class ResourceScan {
  String resourceType;
  String id;
  String status;
  List<ScannedCoding> code;
  List<ScannedCoding> medicationCode;
  boolean medicationReference;
  boolean regular = true;
  final ResourceMembers members = new ResourceMembers();

  ScannedResource describe() {
    return new ScannedResource(
        resourceType,
        status,
        code == null ? List.of() : code,
        medicationCode == null ? List.of() : medicationCode,
        medicationReference);
  }

  /** A plain string element, seen once, with no spaces around it (HAPI may trim those). */
  String text(JsonParser parser, JsonToken value, String previous) {
    if (previous != null || value != JsonToken.VALUE_STRING) {
      regular = false;
      parser.skipChildren();
      return previous == null ? "" : previous;
    }
    String text = parser.getString();
    regular &= isPlain(text);
    return text;
  }

  /** The codings of a CodeableConcept; the text and everything else are not needed. */
  List<ScannedCoding> concept(JsonParser parser, JsonToken value, List<ScannedCoding> previous) {
    if (previous != null || value != JsonToken.START_OBJECT) {
      regular = false;
      parser.skipChildren();
      return previous == null ? List.of() : previous;
    }
    List<ScannedCoding> codings = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken member = parser.nextToken();
      if ("coding".equals(name) && codings == null && member == JsonToken.START_ARRAY) {
        codings = codings(parser);
      } else {
        regular &= !"coding".equals(name);
        parser.skipChildren();
      }
    }
    return codings == null ? List.of() : codings;
  }

  private List<ScannedCoding> codings(JsonParser parser) {
    var codings = new ArrayList<ScannedCoding>(2);
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        regular = false;
        parser.skipChildren();
        continue;
      }
      String system = null;
      String code = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("system".equals(name)) {
          system = text(parser, value, system);
        } else if ("code".equals(name)) {
          code = text(parser, value, code);
        } else {
          parser.skipChildren();
        }
      }
      codings.add(new ScannedCoding(system, code));
    }
    return codings;
  }

  private static boolean isPlain(String text) {
    return !text.isEmpty() && text.charAt(0) > ' ' && text.charAt(text.length() - 1) > ' ';
  }
}
