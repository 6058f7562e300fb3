package org.ketaminecds.fhir.prefetch;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * The {@code prefetch} object of a hook call, scanned but not parsed: the keys the EHR sent and,
 * for each key this service reads, where its resources are in the request body. FHIR objects are
 * made only when a key is read, and only of the resources that can matter (see {@link
 * ResourceRelevance}).
 */
public final class Prefetch {

  private static final Prefetch NONE = new Prefetch(Map.of());
  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, PrefetchValue> values;

  private Prefetch(Map<String, PrefetchValue> values) {
    this.values = values;
  }

  /** No prefetch at all: every key is fetched. */
  public static Prefetch none() {
    return NONE;
  }

  /**
   * Scans the prefetch object of a request body in the pass that reads the request.
   *
   * @param parser at the START_OBJECT of the prefetch object; left at its END_OBJECT
   * @param body the bytes the parser reads, from their first byte
   */
  public static Prefetch scan(JsonParser parser, byte[] body) {
    return new Prefetch(PrefetchScanner.scanObject(parser, body));
  }

  /**
   * A prefetch given as JSON trees (tests, tools): each value is written out and scanned. A Java
   * {@code null} counts as JSON {@code null}; a missing node as a key not sent.
   */
  public static Prefetch of(Map<String, JsonNode> tree) {
    var values = new HashMap<String, PrefetchValue>();
    tree.forEach(
        (key, node) -> {
          if (node == null || node.isNull()) {
            values.put(key, new PrefetchValue.JsonNull());
          } else if (!node.isMissingNode()) {
            byte[] json = node.toString().getBytes(StandardCharsets.UTF_8);
            try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
              parser.nextToken();
              values.put(key, PrefetchScanner.scanValue(parser, json));
            }
          }
        });
    return new Prefetch(values);
  }

  boolean contains(String key) {
    return values.containsKey(key);
  }

  PrefetchValue get(String key) {
    return values.get(key);
  }

  /**
   * How much there is to read for a key: the entries of its Bundle, 1 for a single resource, 0 for
   * a key not sent or sent as null.
   */
  public int entries(String key) {
    PrefetchValue value = values.get(key);
    if (value instanceof PrefetchValue.ScannedBundle bundle) {
      return bundle.entries().size();
    }
    return value instanceof PrefetchValue.Whole ? 1 : 0;
  }

  /** The keys sent that this service reads (others are skipped unread). */
  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public String toString() {
    return "Prefetch" + keys();
  }
}
