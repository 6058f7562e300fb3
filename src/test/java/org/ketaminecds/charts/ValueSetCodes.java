package org.ketaminecds.charts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codes of one value set of {@code fhir-profiles/}, read from its expansion on the classpath,
 * so that generated charts use exactly the codes the service recognises.
 */
record ValueSetCodes(String id, List<Code> codes) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One coding of an expansion, with the display the value set gives it. */
  record Code(String system, String code, String display) {}

  static ValueSetCodes load(String id) {
    String path = "fhir-profiles/ValueSet-" + id + ".json";
    try (InputStream in = ValueSetCodes.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No value set on the classpath at " + path);
      }
      JsonNode expansion = JSON.readTree(in).get("expansion");
      var codes = new ArrayList<Code>();
      for (JsonNode contains : expansion.get("contains")) {
        codes.add(
            new Code(
                contains.get("system").asString(),
                contains.get("code").asString(),
                contains.has("display") ? contains.get("display").asString() : null));
      }
      return new ValueSetCodes(id, List.copyOf(codes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The codes of one code system, e.g. only the RxNorm products. */
  List<Code> of(String system) {
    return codes.stream().filter(code -> code.system().equals(system)).toList();
  }
}
