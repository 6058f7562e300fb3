package org.ketaminecds.fhir.prefetch;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The {@code next} link of a prefetched Bundle, read by the prefetch scan: a searchset with one is
 * a first page, not the chart (contract, revision 2, "Real-world charts").
 */
final class NextLink {

  private NextLink() {}

  /**
   * The url of the {@code next} link of a Bundle's {@code link} array, or null; the parser is at
   * START_ARRAY and ends on END_ARRAY. Anything irregular is skipped: HAPI never reads the links.
   */
  static String scan(JsonParser parser) {
    String next = null;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      String relation = null;
      String url = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_STRING && "relation".equals(name)) {
          relation = parser.getString();
        } else if (value == JsonToken.VALUE_STRING && "url".equals(name)) {
          url = parser.getString();
        } else {
          parser.skipChildren();
        }
      }
      if ("next".equals(relation) && url != null && !url.isBlank()) {
        next = url;
      }
    }
    return next;
  }
}
