package org.ketaminecds.scenarios;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.ketaminecds.fhir.LenientParsing;
import org.ketaminecds.fhir.PatientRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a scenario file. Mistakes are reported as {@link InvalidScenarioException} with the file
 * name and what is wrong, for rule authors to fix.
 */
public final class ScenarioReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FhirContext fhirContext;

  public ScenarioReader(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  public Scenario read(String name, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidScenarioException(name, "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidScenarioException(name, "expected a JSON object");
    }
    String title = required(name, root, "title");
    String hook = required(name, root, "hook");
    LocalDate asOf;
    try {
      asOf = LocalDate.parse(required(name, root, "asOf"));
    } catch (DateTimeParseException e) {
      throw new InvalidScenarioException(name, "asOf must be a date like 2026-06-01");
    }
    PatientRecord chart = chart(name, root.get("resources"));
    Bundle draftOrders = draftOrders(name, root.get("draftOrders"));
    JsonNode expect = root.get("expect");
    if (expect == null
        || !expect.isObject()
        || !expect.has("cards")
        || !expect.get("cards").isObject()) {
      throw new InvalidScenarioException(
          name, "expect.cards must map each expected topic to its indicator ({} for no cards)");
    }
    Map<String, String> cards = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : expect.get("cards").properties()) {
      cards.put(entry.getKey(), entry.getValue().asString());
    }
    Map<String, List<String>> detailText = new LinkedHashMap<>();
    JsonNode details = expect.get("detailContains");
    if (details != null && details.isObject()) {
      for (Map.Entry<String, JsonNode> entry : details.properties()) {
        var texts = new ArrayList<String>();
        entry.getValue().forEach(value -> texts.add(value.asString()));
        detailText.put(entry.getKey(), texts);
      }
    }
    return new Scenario(
        name,
        title,
        asOf,
        hook,
        chart,
        draftOrders,
        cards,
        detailText,
        texts(expect.get("suggestions")));
  }

  /** An optional object of topic to a list of texts. */
  private static Map<String, List<String>> texts(JsonNode byTopic) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    if (byTopic != null && byTopic.isObject()) {
      for (Map.Entry<String, JsonNode> entry : byTopic.properties()) {
        var list = new ArrayList<String>();
        entry.getValue().forEach(value -> list.add(value.asString()));
        texts.put(entry.getKey(), list);
      }
    }
    return texts;
  }

  private PatientRecord chart(String name, JsonNode resources) {
    if (resources == null || !resources.isArray()) {
      throw new InvalidScenarioException(name, "resources must be a list of FHIR resources");
    }
    var chart = new PatientRecord.Builder();
    for (JsonNode node : resources) {
      IBaseResource resource = parse(name, node);
      if (!chart.add(resource)) {
        throw new InvalidScenarioException(
            name,
            "resources may hold Patient, Condition, MedicationStatement, Medication,"
                + " Observation, AllergyIntolerance, MedicationAdministration and"
                + " MedicationRequest, not "
                + resource.fhirType());
      }
    }
    return chart.build();
  }

  private Bundle draftOrders(String name, JsonNode orders) {
    if (orders == null) {
      return null;
    }
    if (!orders.isArray()) {
      throw new InvalidScenarioException(name, "draftOrders must be a list of MedicationRequests");
    }
    var bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (JsonNode node : orders) {
      IBaseResource resource = parse(name, node);
      if (!(resource instanceof MedicationRequest) && !(resource instanceof Medication)) {
        throw new InvalidScenarioException(
            name, "draftOrders may hold MedicationRequest and Medication");
      }
      bundle.addEntry().setResource((org.hl7.fhir.r4.model.Resource) resource);
    }
    return bundle;
  }

  private IBaseResource parse(String name, JsonNode node) {
    try {
      return LenientParsing.jsonParser(fhirContext).parseResource(node.toString());
    } catch (DataFormatException e) {
      throw new InvalidScenarioException(
          name, "a resource is not valid FHIR R4: " + e.getMessage());
    } catch (RuntimeException e) {
      // HAPI fails on some broken resources with a NullPointerException: refused all the same.
      throw new InvalidScenarioException(name, "a resource is not valid FHIR R4");
    }
  }

  private static String required(String name, JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new InvalidScenarioException(name, "missing " + field);
    }
    return value.asString();
  }
}
