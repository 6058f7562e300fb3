package org.ketaminecds.hooks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a valid CDS Hooks request into a broken one, deterministically from a {@link Random}: first
 * on the JSON tree (members removed, values swapped for values of other types or for FHIR resources
 * of other types, subtrees copied elsewhere, texts garbled), then sometimes on the bytes (bits
 * flipped, truncated, bytes inserted or removed, invalid UTF-8). It records what it did, so that a
 * failure can be read without a debugger.
 */
final class RequestMutator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Writes nesting deeper than the service reads (500 levels), so that such documents are tried as
   * well: Jackson's default writer refuses them.
   */
  private static final JsonMapper WRITER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamWriteConstraints(
                      StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
                  .build())
          .build();

  private static final List<String> RESOURCE_TYPES =
      List.of(
          "Bundle",
          "Patient",
          "Condition",
          "MedicationStatement",
          "MedicationRequest",
          "Medication",
          "Observation",
          "AllergyIntolerance",
          "OperationOutcome",
          "Parameters",
          "NoSuchResource",
          "");

  private final Random random;
  private final List<String> steps = new ArrayList<>();

  RequestMutator(Random random) {
    this.random = random;
  }

  /** What was done to the last request, in order. */
  List<String> steps() {
    return List.copyOf(steps);
  }

  byte[] mutate(ObjectNode valid) {
    steps.clear();
    ObjectNode request = valid.deepCopy();
    int treeMutations = 1 + random.nextInt(4);
    for (int i = 0; i < treeMutations; i++) {
      mutateTree(request);
    }
    byte[] bytes = WRITER.writeValueAsBytes(request);
    if (random.nextInt(4) == 0) {
      bytes = mutateBytes(bytes);
    }
    return bytes;
  }

  private void mutateTree(ObjectNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, "$", slots);
    Slot slot = slots.get(random.nextInt(slots.size()));
    switch (random.nextInt(5)) {
      case 0 -> {
        slot.remove();
        steps.add("removed " + slot.path());
      }
      case 1 -> {
        JsonNode value = strangeValue();
        slot.set(value);
        steps.add("set " + slot.path() + " to " + abbreviate(WRITER.writeValueAsString(value)));
      }
      case 2 -> {
        Slot source = slots.get(random.nextInt(slots.size()));
        slot.set(source.value().deepCopy());
        steps.add("copied " + source.path() + " to " + slot.path());
      }
      case 3 -> {
        JsonNode value = garbled(slot.value());
        slot.set(value);
        steps.add("garbled " + slot.path() + " to " + abbreviate(WRITER.writeValueAsString(value)));
      }
      default -> {
        ObjectNode resource = resource();
        slot.set(resource);
        steps.add("put a " + resource.path("resourceType").asString() + " at " + slot.path());
      }
    }
  }

  /** Every member and element under {@code node}, each with a way to change it in place. */
  private static void collect(JsonNode node, String path, List<Slot> slots) {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        String childPath = path + "." + name;
        slots.add(new Slot(childPath, object, name, -1));
        collect(object.get(name), childPath, slots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String childPath = path + "[" + i + "]";
        slots.add(new Slot(childPath, array, null, i));
        collect(array.get(i), childPath, slots);
      }
    }
  }

  private JsonNode strangeValue() {
    List<Supplier<JsonNode>> values =
        List.of(
            NODES::nullNode,
            () -> NODES.booleanNode(random.nextBoolean()),
            () -> NODES.numberNode(random.nextInt()),
            () -> NODES.numberNode(-0.0),
            () -> NODES.numberNode(Double.MAX_VALUE),
            () -> NODES.numberNode(new java.math.BigDecimal("1e-400")),
            () -> NODES.stringNode(""),
            () -> NODES.stringNode(" "),
            () -> NODES.stringNode("x".repeat(1 + random.nextInt(200_000))),
            () -> NODES.stringNode("line\nbreak\u0000nul\u202Ertl"),
            () -> NODES.stringNode("9999-99-99T99:99:99Z"),
            () -> NODES.stringNode("2024-02-30"),
            () -> NODES.stringNode("-1"),
            () -> NODES.stringNode("Patient/../../etc"),
            () -> NODES.stringNode("\uD83D\uDE00\uFFFF"),
            NODES::arrayNode,
            NODES::objectNode,
            () -> NODES.arrayNode().add(NODES.nullNode()).add(NODES.objectNode()),
            () -> nested(1 + random.nextInt(450)),
            () -> NODES.objectNode().put("reference", "#missing"),
            () -> NODES.objectNode().set("coding", NODES.arrayNode().add(NODES.nullNode())));
    return values.get(random.nextInt(values.size())).get();
  }

  private JsonNode garbled(JsonNode value) {
    if (!value.isString()) {
      return NODES.stringNode(WRITER.writeValueAsString(value));
    }
    String text = value.asString();
    return switch (random.nextInt(4)) {
      case 0 -> NODES.stringNode(text.substring(0, random.nextInt(text.length() + 1)));
      case 1 -> NODES.stringNode(text + text);
      case 2 -> NODES.stringNode(text.toUpperCase(java.util.Locale.ROOT) + "%00");
      default -> NODES.stringNode(new StringBuilder(text).reverse().toString());
    };
  }

  private ObjectNode resource() {
    String type = RESOURCE_TYPES.get(random.nextInt(RESOURCE_TYPES.size()));
    ObjectNode resource = NODES.objectNode().put("resourceType", type);
    if (random.nextBoolean()) {
      resource.put("id", random.nextBoolean() ? "r" + random.nextInt(5) : "");
    }
    if (type.equals("Bundle") && random.nextBoolean()) {
      ArrayNode entries = resource.putArray("entry");
      int count = random.nextInt(4);
      for (int i = 0; i < count; i++) {
        entries.addObject().set("resource", random.nextBoolean() ? resource() : strangeValue());
      }
    }
    if (type.equals("OperationOutcome") && random.nextBoolean()) {
      resource.putArray("issue").addObject().put("severity", "error").put("code", "timeout");
    }
    return resource;
  }

  private static JsonNode nested(int depth) {
    ArrayNode outer = NODES.arrayNode();
    ArrayNode current = outer;
    for (int i = 1; i < depth; i++) {
      current = current.addArray();
    }
    return outer;
  }

  private byte[] mutateBytes(byte[] bytes) {
    if (bytes.length == 0) {
      return bytes;
    }
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(5)) {
      case 0 -> {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
          int position = random.nextInt(bytes.length);
          bytes[position] ^= (byte) (1 << random.nextInt(8));
        }
        steps.add("flipped " + flips + " bit(s)");
        return bytes;
      }
      case 1 -> {
        steps.add("truncated at byte " + at);
        return Arrays.copyOf(bytes, at);
      }
      case 2 -> {
        steps.add("removed bytes from " + at);
        return concat(
            Arrays.copyOfRange(bytes, 0, at),
            Arrays.copyOfRange(
                bytes, Math.min(bytes.length, at + 1 + random.nextInt(64)), bytes.length));
      }
      case 3 -> {
        byte[] inserted = new byte[1 + random.nextInt(16)];
        random.nextBytes(inserted);
        steps.add("inserted " + inserted.length + " random byte(s) at " + at);
        return concat(
            Arrays.copyOfRange(bytes, 0, at),
            inserted,
            Arrays.copyOfRange(bytes, at, bytes.length));
      }
      default -> {
        steps.add("inserted invalid UTF-8 at " + at);
        return concat(
            Arrays.copyOfRange(bytes, 0, at),
            new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
            Arrays.copyOfRange(bytes, at, bytes.length));
      }
    }
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return all;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...(" + text.length() + ")";
  }

  /** A member of an object ({@code name}) or an element of an array ({@code index}). */
  private record Slot(String path, JsonNode parent, String name, int index) {

    JsonNode value() {
      return name != null ? parent.get(name) : parent.get(index);
    }

    void set(JsonNode value) {
      if (name != null) {
        ((ObjectNode) parent).set(name, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    void remove() {
      if (name != null) {
        ((ObjectNode) parent).remove(name);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }
}
