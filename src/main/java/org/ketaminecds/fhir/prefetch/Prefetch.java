package org.ketaminecds.fhir.prefetch;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.fhir.PrefetchKey;
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

  private static final Prefetch NONE = new Prefetch(Map.of(), Map.of());
  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, PrefetchValue> values;
  private final Map<PrefetchKey, PrefetchResolver.EarlyRead> early;

  /**
   * @param early the keys whose entries were handed to the helpers in slices while being scanned
   */
  Prefetch(Map<String, PrefetchValue> values, Map<PrefetchKey, PrefetchResolver.EarlyRead> early) {
    this.values = values;
    this.early = early;
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
  static Prefetch scan(JsonParser parser, byte[] body) {
    return new Prefetch(PrefetchScanner.scanObject(parser, body, null), Map.of());
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
    return new Prefetch(values, Map.of());
  }

  /** Whether the keys' reading began on helpers while the prefetch was being scanned. */
  public boolean readWhileScanned() {
    return !early.isEmpty();
  }

  PrefetchResolver.EarlyRead earlyRead(PrefetchKey key) {
    return early.get(key);
  }

  boolean contains(String key) {
    return values.containsKey(key);
  }

  PrefetchValue get(String key) {
    return values.get(key);
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
