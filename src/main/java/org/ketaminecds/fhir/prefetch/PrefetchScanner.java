package org.ketaminecds.fhir.prefetch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ketaminecds.fhir.PrefetchKey;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.base.ParserBase;

/**
 * Reads the {@code prefetch} object of a hook call in the same pass that reads the request, without
 * building a JSON tree or FHIR objects: each Bundle entry is located (its byte range in the request
 * body) and its resource described by the few elements that decide whether it matters ({@link
 * ScannedResource}) and by where its members are ({@link ResourceMembers}). Whatever the scan does
 * not expect (a duplicated element, a value of another JSON type, a code with spaces around it)
 * makes the entry irregular, and irregular entries are always parsed by HAPI, so the scan never has
 * to agree with HAPI on anything but plain JSON.
 */
final class PrefetchScanner {

  private static final Map<String, PrefetchKey> KEYS =
      Stream.of(PrefetchKey.values()).collect(Collectors.toMap(PrefetchKey::key, key -> key));

  private PrefetchScanner() {}

  /**
   * Told of what the scan finds in the values of the keys this service reads, as it finds it: a
   * key's value can then be read while the scan goes on.
   */
  interface Listener {
    /**
     * One more entry of a Bundle has been scanned.
     *
     * @param entries the entries scanned so far, the newest last: the scan's own list, which grows
     *     as it goes on (and is replaced by another when the Bundle has a second entry array)
     */
    void entryScanned(PrefetchKey key, List<PrefetchValue.ScannedEntry> entries);

    /** The key's whole value has been scanned. */
    void valueScanned(PrefetchKey key, PrefetchValue value);
  }

  /**
   * The prefetch object; the parser is at its START_OBJECT and is left at its END_OBJECT.
   *
   * @param listener told of each value of a key this service reads as it is scanned, or null
   */
  static Map<String, PrefetchValue> scanObject(
      JsonParser parser, byte[] source, Listener listener) {
    Map<String, PrefetchValue> values = new HashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      PrefetchKey key = KEYS.get(name);
      if (key != null) {
        PrefetchValue value = scanValue(parser, source, key, listener);
        values.put(name, value);
        if (listener != null) {
          listener.valueScanned(key, value);
        }
      } else {
        // Keys this service did not ask for are never read.
        parser.skipChildren();
      }
    }
    return values;
  }

  /** One value; the parser is at its first token and is left at its last. */
  static PrefetchValue scanValue(JsonParser parser, byte[] source) {
    return scanValue(parser, source, null, null);
  }

  private static PrefetchValue scanValue(
      JsonParser parser, byte[] source, PrefetchKey key, Listener listener) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return new PrefetchValue.JsonNull();
    }
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return new PrefetchValue.NotAnObject(jsonType(token));
    }
    int start = startOf(parser);
    String resourceType = null;
    List<PrefetchValue.ScannedEntry> entries = null;
    var members = new ResourceMembers();
    boolean regular = true;
    boolean entrySeen = false;
    String nextUrl = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      int nameStart = nameStart(parser, name, source);
      regular &= nameStart >= 0;
      members.add(name, nameStart);
      if ("resourceType".equals(name)) {
        regular &= resourceType == null && value == JsonToken.VALUE_STRING;
        resourceType = value == JsonToken.VALUE_STRING ? parser.getString() : "";
      } else if ("entry".equals(name)) {
        regular &= !entrySeen && value == JsonToken.START_ARRAY;
        entrySeen = true;
        entries =
            value == JsonToken.START_ARRAY ? scanEntries(parser, source, key, listener) : null;
        regular &= entries != null;
        if (value != JsonToken.START_ARRAY) {
          parser.skipChildren();
        }
      } else if ("link".equals(name) && value == JsonToken.START_ARRAY) {
        nextUrl = NextLink.scan(parser);
      } else {
        parser.skipChildren();
      }
    }
    members.end(startOf(parser));
    int end = endOf(parser);
    if (regular && "Bundle".equals(resourceType)) {
      return new PrefetchValue.ScannedBundle(
          source, entries == null ? List.of() : entries, nextUrl);
    }
    boolean typed = regular && resourceType != null;
    return new PrefetchValue.Whole(
        source, start, end - start, typed ? resourceType : null, typed ? members : null);
  }

  /** The entries, or null when one of them is not an object; the parser ends on END_ARRAY. */
  private static List<PrefetchValue.ScannedEntry> scanEntries(
      JsonParser parser, byte[] source, PrefetchKey key, Listener listener) {
    var entries = new ArrayList<PrefetchValue.ScannedEntry>();
    boolean regular = true;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token == JsonToken.START_OBJECT) {
        entries.add(scanEntry(parser, source));
        if (listener != null) {
          listener.entryScanned(key, entries);
        }
      } else {
        regular = false;
        parser.skipChildren();
      }
    }
    return regular ? entries : null;
  }

  private static PrefetchValue.ScannedEntry scanEntry(JsonParser parser, byte[] source) {
    int start = startOf(parser);
    ResourceScan resource = null;
    String fullUrl = null;
    boolean regular = true;
    boolean fullUrlSeen = false;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("resource".equals(name)) {
        regular &= resource == null && value == JsonToken.START_OBJECT;
        if (value == JsonToken.START_OBJECT) {
          resource = scanResource(parser, source);
        } else {
          parser.skipChildren();
        }
      } else if ("fullUrl".equals(name)) {
        regular &= !fullUrlSeen && value == JsonToken.VALUE_STRING;
        fullUrlSeen = true;
        fullUrl = value == JsonToken.VALUE_STRING ? parser.getString() : null;
        parser.skipChildren();
      } else {
        parser.skipChildren();
      }
    }
    int end = endOf(parser);
    boolean described = regular && resource != null && resource.regular;
    return new PrefetchValue.ScannedEntry(
        start,
        end - start,
        described ? resource.describe() : null,
        described ? resource.id : null,
        fullUrl,
        described ? resource.members : null);
  }

  private static ResourceScan scanResource(JsonParser parser, byte[] source) {
    var scan = new ResourceScan();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      int nameStart = nameStart(parser, name, source);
      scan.regular &= nameStart >= 0;
      scan.members.add(name, nameStart);
      switch (name) {
        case "resourceType" -> scan.resourceType = scan.text(parser, value, scan.resourceType);
        case "id" -> scan.id = scan.text(parser, value, scan.id);
        case "status" -> scan.status = scan.text(parser, value, scan.status);
        case "code" -> scan.code = scan.concept(parser, value, scan.code);
        case "medicationCodeableConcept" ->
            scan.medicationCode = scan.concept(parser, value, scan.medicationCode);
        case "medicationReference" -> {
          scan.regular &= !scan.medicationReference && value == JsonToken.START_OBJECT;
          scan.medicationReference = true;
          parser.skipChildren();
        }
        default -> parser.skipChildren();
      }
    }
    scan.members.end(startOf(parser));
    scan.regular &= scan.resourceType != null;
    return scan;
  }

  /**
   * Where the token the parser is on starts. Jackson's own {@code currentTokenLocation()} makes an
   * object per call: on a heavy chart, one per member of every resource, most of what a call
   * allocated. Its parsers keep the offset as a number, read here without one.
   */
  static int startOf(JsonParser parser) {
    if (parser instanceof ParserBase base) {
      // One past the token's first byte, as Jackson keeps it (its location subtracts the one).
      return Math.toIntExact(base.getTokenCharacterOffset() - 1);
    }
    return Math.toIntExact(parser.currentTokenLocation().getByteOffset());
  }

  /** Just past the END_OBJECT the parser is on. */
  private static int endOf(JsonParser parser) {
    return startOf(parser) + 1;
  }

  /**
   * Where the member whose value the parser is on starts: its name's opening quote, found back from
   * the value over the colon. -1 when the name is not written as plain ASCII (escapes, other
   * characters), which makes the resource irregular: it is then parsed as sent.
   */
  static int nameStart(JsonParser parser, String name, byte[] source) {
    int end = ResourceMembers.skipSpaceBackwards(source, startOf(parser));
    if (end == 0 || source[end - 1] != ':') {
      return -1;
    }
    int close = ResourceMembers.skipSpaceBackwards(source, end - 1) - 1;
    int open = close - name.length() - 1;
    if (open < 0 || source[close] != '"' || source[open] != '"') {
      return -1;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || source[open + 1 + i] != c) {
        return -1;
      }
    }
    return open;
  }

  private static String jsonType(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }
}
