package org.ketaminecds.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Charts as an author pastes them: FHIR Bundles built from the project's own fixtures. */
final class TestBundles {

  static final String TRD_SCENARIO = "trd-candidate-two-adequate-trials";

  private TestBundles() {}

  /** The TRD candidate of the scenario, as a searchset Bundle of its resources. */
  static ObjectNode trdCandidate() {
    JsonNode scenario = read(Path.of("rules/scenarios/" + TRD_SCENARIO + ".json"));
    ObjectNode bundle = bundle("searchset");
    ArrayNode entries = (ArrayNode) bundle.get("entry");
    scenario.get("resources").forEach(resource -> entries.addObject().set("resource", resource));
    return bundle;
  }

  /**
   * The order-sign example of cds-hooks/: the prefetched chart (with a cerebral aneurysm) and the
   * esketamine draft order, all in one collection Bundle.
   */
  static ObjectNode esketamineOrderWithAneurysm() {
    JsonNode request =
        read(Path.of("cds-hooks/examples/order-sign-esketamine-with-aneurysm.request.json"));
    ObjectNode bundle = bundle("collection");
    ArrayNode entries = (ArrayNode) bundle.get("entry");
    request
        .get("prefetch")
        .properties()
        .forEach(
            key -> {
              JsonNode value = key.getValue();
              if (value.path("resourceType").asString().equals("Bundle")) {
                value.path("entry").forEach(entry -> entries.add(entry));
              } else if (value.isObject()) {
                entries.addObject().set("resource", value);
              }
            });
    request.get("context").get("draftOrders").get("entry").forEach(entry -> entries.add(entry));
    return bundle;
  }

  static ObjectNode bundle(String type) {
    ObjectNode bundle = WorkbenchCalls.JSON.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", type);
    bundle.putArray("entry");
    return bundle;
  }

  static ObjectNode request(String hook, String asOf, JsonNode bundle) {
    ObjectNode request = WorkbenchCalls.JSON.createObjectNode();
    request.put("hook", hook);
    request.put("asOf", asOf);
    request.set("bundle", bundle);
    return request;
  }

  private static JsonNode read(Path file) {
    try {
      return WorkbenchCalls.JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
