package org.ketaminecds.hooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ketaminecds.fhir.PrefetchKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario files of {@code rules/scenarios/} as the CDS Hooks requests an EHR would send for them:
 * every prefetch key of the service filled (an empty searchset where the scenario has nothing of
 * that kind), the draft orders in context and, on order-select, the selections. The start-up's
 * warm-up sends these through the hook path, and the scenario tests send them over HTTP.
 */
final class ScenarioRequests {

  /** Where an EHR puts a resource of each type: the first prefetch key that holds it. */
  private static final Map<String, String> KEY_BY_TYPE = keyByType();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScenarioRequests() {}

  /** The scenario's own patient, chart and draft orders. */
  static ObjectNode of(JsonNode scenario) {
    String hook = scenario.get("hook").asString();
    ObjectNode request = request(hook);
    ObjectNode prefetch = (ObjectNode) request.get("prefetch");
    String patientId = "scenario-patient";
    for (JsonNode resource : scenario.get("resources")) {
      if (resource.get("resourceType").asString().equals("Patient")) {
        prefetch.set("patient", resource);
        patientId = resource.get("id").asString();
      } else {
        add(prefetch, resource);
      }
    }
    context(request, hook, patientId, scenario.get("draftOrders"));
    return request;
  }

  /**
   * One chart holding every resource of all the scenarios but their patients, for one patient: the
   * size of a long-treated patient's chart (hundreds of conditions, medications and readings). Each
   * resource keeps its content; its id, and its references to the others of its scenario, get the
   * scenario's number, so that no two collide.
   *
   * @param draftOrders the draft orders of an order hook (their patient references are rewritten
   *     too), or null
   */
  static ObjectNode merged(List<JsonNode> scenarios, String hook, JsonNode draftOrders) {
    String patientId = "warm-up";
    ObjectNode request = request(hook);
    ObjectNode prefetch = (ObjectNode) request.get("prefetch");
    ObjectNode patient = prefetch.putObject("patient");
    patient.put("resourceType", "Patient");
    patient.put("id", patientId);
    patient.put("gender", "female");
    patient.put("birthDate", "1980-01-01");
    for (int i = 0; i < scenarios.size(); i++) {
      for (JsonNode resource : scenarios.get(i).get("resources")) {
        if (!resource.get("resourceType").asString().equals("Patient")) {
          add(prefetch, renumbered(resource, "s" + i + "-", patientId));
        }
      }
    }
    ArrayNode orders = null;
    if (draftOrders != null) {
      orders = NODES.arrayNode();
      for (JsonNode order : draftOrders) {
        orders.add(renumbered(order, "", patientId));
      }
    }
    context(request, hook, patientId, orders);
    return request;
  }

  private static ObjectNode request(String hook) {
    ObjectNode request = NODES.objectNode();
    request.put("hook", hook);
    request.put("hookInstance", UUID.randomUUID().toString());
    ObjectNode prefetch = request.putObject("prefetch");
    prefetch.putNull("patient");
    for (PrefetchKey key : PrefetchKey.values()) {
      if (key != PrefetchKey.PATIENT) {
        ObjectNode bundle = prefetch.putObject(key.key());
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.putArray("entry");
      }
    }
    return request;
  }

  private static void add(ObjectNode prefetch, JsonNode resource) {
    String key = KEY_BY_TYPE.get(resource.get("resourceType").asString());
    if (key != null) {
      ((ArrayNode) prefetch.get(key).get("entry")).addObject().set("resource", resource);
    }
  }

  private static void context(ObjectNode request, String hook, String patientId, JsonNode orders) {
    ObjectNode context = request.putObject("context");
    context.put("userId", "Practitioner/scenario");
    context.put("patientId", patientId);
    if (orders == null) {
      return;
    }
    ObjectNode bundle = context.putObject("draftOrders");
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "collection");
    ArrayNode entries = bundle.putArray("entry");
    ArrayNode selections = NODES.arrayNode();
    for (JsonNode order : orders) {
      entries.addObject().set("resource", order);
      if (order.get("resourceType").asString().equals("MedicationRequest")) {
        selections.add("MedicationRequest/" + order.get("id").asString());
      }
    }
    if (hook.equals("order-select")) {
      context.set("selections", selections);
    }
  }

  /** A copy whose id and references carry the prefix, and whose patient is {@code patientId}. */
  private static JsonNode renumbered(JsonNode resource, String prefix, String patientId) {
    ObjectNode copy = (ObjectNode) resource.deepCopy();
    if (copy.has("id")) {
      copy.put("id", prefix + copy.get("id").asString());
    }
    renumberReferences(copy, prefix, patientId);
    return copy;
  }

  private static void renumberReferences(JsonNode node, String prefix, String patientId) {
    if (node instanceof ObjectNode object) {
      JsonNode reference = object.get("reference");
      if (reference != null && reference.isString()) {
        String text = reference.asString();
        int slash = text.indexOf('/');
        if (slash > 0 && text.indexOf('/', slash + 1) < 0) {
          String type = text.substring(0, slash);
          object.put(
              "reference",
              type.equals("Patient")
                  ? "Patient/" + patientId
                  : type + "/" + prefix + text.substring(slash + 1));
        }
      }
      object.forEach(child -> renumberReferences(child, prefix, patientId));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> renumberReferences(child, prefix, patientId));
    }
  }

  private static Map<String, String> keyByType() {
    var keys = new LinkedHashMap<String, String>();
    for (PrefetchKey key : PrefetchKey.values()) {
      key.resourceTypes().forEach(type -> keys.putIfAbsent(type.getSimpleName(), key.key()));
    }
    keys.remove("Patient");
    return Map.copyOf(keys);
  }
}
