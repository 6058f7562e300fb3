package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.parser.IParser;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.EnumFactory;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.TimeType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.facts.fhir.ChartRelevance;
import org.ketaminecds.facts.fhir.DraftOrderReader;
import org.ketaminecds.facts.fhir.FactReaders;
import org.ketaminecds.fhir.prefetch.ChartEntry;
import org.ketaminecds.terminology.Terminology;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fact reader must declare every element it reads ({@code facts.fhir.ElementsRead}): the prefetch
 * fast path keeps only the declared elements, so an undeclared read would silently see nothing. For
 * every resource type the facts read (every type of every prefetch key, and of the draft orders), a
 * resource that gives facts is filled, one top-level element at a time (each choice of a choice
 * element separately), with values that could make or change a fact: every code the facts know in
 * every CodeableConcept, "ketamine" in every text, recent dates. The facts must be the same whether
 * HAPI reads the whole resource or only what the fast path keeps.
 *
 * <p>A new fact reader of a new resource type needs a declaration and an example in {@link
 * #EXAMPLES}; the test says so when either is missing.
 */
class ElementsReadDeclarationTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  /** Resource types that come as draft orders rather than prefetch. */
  static final List<String> DRAFT_ORDER_TYPES = List.of("MedicationRequest", "Medication");

  /** One resource per type that gives a fact (with the others, for a referenced Medication). */
  static final Map<String, String> EXAMPLES =
      Map.of(
          "Patient",
          "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\","
              + "\"birthDate\":\"1980-02-03\"}",
          "Condition",
          "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"clinicalStatus\":{\"coding\":[{\"code\":"
              + "\"active\"}]},\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\","
              + "\"code\":\"F33.2\"}]},\"onsetDateTime\":\"2025-09-01\"}",
          "MedicationStatement",
          "{\"resourceType\":\"MedicationStatement\",\"id\":\"ms1\",\"status\":\"completed\","
              + "\"medicationReference\":{\"reference\":\"Medication/m1\"},"
              + "\"effectivePeriod\":{\"start\":\"2025-01-01\",\"end\":\"2025-03-01\"}}",
          "Medication",
          "{\"resourceType\":\"Medication\",\"id\":\"m1\",\"code\":{\"coding\":[{\"system\":\""
              + RXNORM
              + "\",\"code\":\"36437\"}]}}",
          "Observation",
          "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"coding\":"
              + "[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},\"effectiveDateTime\":"
              + "\"2026-05-20T10:00:00Z\",\"valueQuantity\":{\"value\":150,\"unit\":\"mm[Hg]\"}}",
          "AllergyIntolerance",
          "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"a1\",\"code\":{\"coding\":[{\"system\":\""
              + RXNORM
              + "\",\"code\":\"6130\"}]}}",
          "MedicationAdministration",
          "{\"resourceType\":\"MedicationAdministration\",\"id\":\"ma1\",\"status\":"
              + "\"completed\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":\""
              + RXNORM
              + "\",\"code\":\"6130\"}]},\"subject\":{\"reference\":\"Patient/p1\"},"
              + "\"effectiveDateTime\":\"2026-05-25T10:00:00Z\",\"dosage\":{\"route\":{\"coding\":"
              + "[{\"system\":\"http://snomed.info/sct\",\"code\":\"47625008\"}],\"text\":"
              + "\"intravenous\"},\"dose\":{\"value\":40,\"unit\":\"mg\"}}}",
          "MedicationRequest",
          "{\"resourceType\":\"MedicationRequest\",\"id\":\"mr1\",\"status\":\"draft\",\"intent\":"
              + "\"order\",\"medicationReference\":{\"reference\":\"Medication/m2\"}}");

  /** The draft orders' Medication: ketamine, referenced by the MedicationRequest example. */
  static final String DRAFT_MEDICATION =
      "{\"resourceType\":\"Medication\",\"id\":\"m2\",\"code\":{\"coding\":[{\"system\":\""
          + RXNORM
          + "\",\"code\":\"6130\"}]}}";

  /** Every code of the examples, and some that make facts: in every CodeableConcept filled. */
  static final List<Coding> CODES_THAT_MATTER =
      List.of(
          new Coding("http://hl7.org/fhir/sid/icd-10-cm", "F33.2", "ketamine"),
          new Coding(RXNORM, "36437", "ketamine"),
          new Coding(RXNORM, "6130", "ketamine"),
          new Coding("http://loinc.org", "8480-6", "ketamine"),
          new Coding("http://loinc.org", "82810-3", "ketamine"),
          new Coding("http://snomed.info/sct", "77386006", "ketamine"));

  private static Terminology terminology;
  private static ChartRelevance relevance;
  private static ChartFacts chartFacts;
  private static DraftOrderReader draftOrderReader;
  private static PatientDataLoader fast;

  @BeforeAll
  static void createLoaders() {
    terminology = new Terminology();
    relevance = new ChartRelevance(terminology);
    chartFacts = new ChartFacts(terminology);
    draftOrderReader = new DraftOrderReader(terminology);
    fast = new PatientDataLoader(TestCharts.FHIR, FhirAccessProperties.defaults(), relevance);
  }

  @AfterAll
  static void closeLoaders() {
    fast.close();
  }

  /** Every resource type the facts read: of the prefetch keys and of the draft orders. */
  static Set<String> typesTheFactsRead() {
    var types = new LinkedHashSet<String>();
    for (PrefetchKey key : PrefetchKey.values()) {
      key.resourceTypes().forEach(type -> types.add(type.getSimpleName()));
    }
    types.addAll(DRAFT_ORDER_TYPES);
    return types;
  }

  @Test
  void everyTypeTheFactsReadIsDeclaredAndHasAnExample() {
    for (String type : typesTheFactsRead()) {
      assertThat(FactReaders.elementsReadByType())
          .as("no fact reader declares what it reads of %s (ElementsRead)", type)
          .containsKey(type);
      assertThat(EXAMPLES)
          .as("add an example %s that gives a fact to EXAMPLES", type)
          .containsKey(type);
    }
  }

  @Test
  void theExamplesGiveFacts() {
    assertThat(chartFacts.extract(referenceRecord(prefetchWith(null, null)), TODAY))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(draftOrderReader.ketamineOrders(parseBundle(draftOrders(null), false))).hasSize(1);
  }

  static Stream<Arguments> filledElements() {
    var arguments = new ArrayList<Arguments>();
    for (String type : typesTheFactsRead()) {
      if (!EXAMPLES.containsKey(type)) {
        continue;
      }
      Resource example = parse(EXAMPLES.get(type));
      RuntimeResourceDefinition definition = TestCharts.FHIR.getResourceDefinition(example);
      for (BaseRuntimeChildDefinition child : definition.getChildren()) {
        if (SKIPPED.contains(child.getElementName()) || hasValue(child, example)) {
          continue;
        }
        for (String name : choicesOf(child)) {
          arguments.add(Arguments.of(type, name));
        }
      }
      arguments.add(Arguments.of(type, "*"));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("filledElements")
  void aFilledElementGivesTheSameFactsWithOrWithoutTheFastPath(String type, String element) {
    String filled = TestCharts.FHIR.newJsonParser().encodeResourceToString(filled(type, element));

    if (PrefetchKeyTypes.isPrefetched(type)) {
      Map<String, String> prefetch = prefetchWith(type, filled);
      assertThat(chartFacts.extract(fastRecord(prefetch), TODAY))
          .as("facts of %s with %s filled, through the fast path", type, element)
          .isEqualTo(chartFacts.extract(referenceRecord(prefetch), TODAY));
    }
    if (DRAFT_ORDER_TYPES.contains(type)) {
      String orders = draftOrders(type.equals("Medication") ? filled : null);
      if (type.equals("MedicationRequest")) {
        orders = orders.replace(EXAMPLES.get("MedicationRequest"), filled);
      }
      assertThat(draftOrderReader.ketamineOrders(parseBundle(orders, true)))
          .as("draft orders with %s.%s filled, only the declared elements kept", type, element)
          .isEqualTo(draftOrderReader.ketamineOrders(parseBundle(orders, false)));
    }
  }

  /** Holds which types come by prefetch. */
  private static final class PrefetchKeyTypes {
    static boolean isPrefetched(String type) {
      for (PrefetchKey key : PrefetchKey.values()) {
        if (key.resourceTypes().stream().anyMatch(t -> t.getSimpleName().equals(type))) {
          return true;
        }
      }
      return false;
    }
  }

  // --- filling -------------------------------------------------------------------------------

  private static final Set<String> SKIPPED =
      Set.of("id", "meta", "text", "contained", "extension", "modifierExtension", "implicitRules");

  private static boolean hasValue(BaseRuntimeChildDefinition child, IBase of) {
    return child.getAccessor().getValues(of).stream().anyMatch(value -> !value.isEmpty());
  }

  private static List<String> choicesOf(BaseRuntimeChildDefinition child) {
    if (child instanceof RuntimeChildChoiceDefinition) {
      return List.copyOf(child.getValidChildNames());
    }
    return List.of(child.getElementName());
  }

  /**
   * The example of the type with one element (a name of {@link #choicesOf}) or all ("*") filled.
   */
  private static Resource filled(String type, String element) {
    Resource resource = parse(EXAMPLES.get(type));
    RuntimeResourceDefinition definition = TestCharts.FHIR.getResourceDefinition(resource);
    for (BaseRuntimeChildDefinition child : definition.getChildren()) {
      if (SKIPPED.contains(child.getElementName()) || hasValue(child, resource)) {
        continue;
      }
      List<String> names = choicesOf(child);
      String name = element.equals("*") ? names.get(0) : element;
      if (names.contains(name)) {
        IBase value = valueFor(child, name, 0);
        if (value != null) {
          child.getMutator().addValue(resource, value);
        }
      }
    }
    return resource;
  }

  private static IBase valueFor(BaseRuntimeChildDefinition child, String name, int depth) {
    BaseRuntimeElementDefinition<?> definition = child.getChildByName(name);
    if (definition == null) {
      return null;
    }
    IBase value;
    try {
      value = definition.newInstance(child.getInstanceConstructorArguments());
    } catch (RuntimeException e) {
      return null;
    }
    if (value instanceof IBaseResource) {
      return null;
    }
    if (value instanceof CodeableConcept concept) {
      CODES_THAT_MATTER.forEach(coding -> concept.addCoding(coding.copy()));
      return concept.setText("ketamine");
    }
    if (value instanceof Coding coding) {
      return CODES_THAT_MATTER.get(0).copy();
    }
    if (value instanceof Reference reference) {
      return reference.setDisplay("ketamine");
    }
    if (value instanceof IPrimitiveType<?> primitive) {
      return fillPrimitive(primitive) ? primitive : null;
    }
    if (depth < 4 && definition instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
      for (BaseRuntimeChildDefinition part : composite.getChildren()) {
        if (SKIPPED.contains(part.getElementName())) {
          continue;
        }
        IBase partValue = valueFor(part, choicesOf(part).get(0), depth + 1);
        if (partValue != null) {
          part.getMutator().addValue(value, partValue);
        }
      }
    }
    return value.isEmpty() ? null : value;
  }

  private static boolean fillPrimitive(IPrimitiveType<?> primitive) {
    String text = textFor(primitive);
    if (text == null) {
      return false;
    }
    try {
      primitive.setValueAsString(text);
      return !primitive.isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String textFor(IPrimitiveType<?> primitive) {
    if (primitive instanceof InstantType) {
      return "2026-05-01T10:00:00Z";
    } else if (primitive instanceof DateType) {
      return "2026-05-01";
    } else if (primitive instanceof BaseDateTimeType) {
      return "2026-05-01T10:00:00Z";
    } else if (primitive instanceof TimeType) {
      return "10:00:00";
    } else if (primitive instanceof BooleanType) {
      return "true";
    } else if (primitive instanceof IntegerType) {
      return "2";
    } else if (primitive instanceof DecimalType) {
      return "100";
    } else if (primitive instanceof Base64BinaryType) {
      return "a2V0YW1pbmU=";
    } else if (primitive instanceof Enumeration<?> enumeration) {
      return firstCode(enumeration.getEnumFactory());
    }
    return "ketamine";
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String firstCode(EnumFactory factory) {
    try {
      Method fromCode = factory.getClass().getMethod("fromCode", String.class);
      for (Object constant : fromCode.getReturnType().getEnumConstants()) {
        if (!"NULL".equals(((Enum<?>) constant).name())) {
          return factory.toCode((Enum) constant);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    return null;
  }

  // --- the two paths -------------------------------------------------------------------------

  /** The examples by prefetch key, one of them ({@code type}) replaced by {@code replacement}. */
  private static Map<String, String> prefetchWith(String type, String replacement) {
    var prefetch = new LinkedHashMap<String, String>();
    for (PrefetchKey key : PrefetchKey.values()) {
      var entries = new ArrayList<String>();
      for (var resourceType : key.resourceTypes()) {
        String name = resourceType.getSimpleName();
        String json = name.equals(type) ? replacement : EXAMPLES.get(name);
        if (json != null) {
          entries.add(json);
        }
      }
      if (key.isRead()) {
        prefetch.put(key.key(), entries.get(0));
      } else {
        prefetch.put(key.key(), bundle(entries));
      }
    }
    return prefetch;
  }

  private static String draftOrders(String medication) {
    return bundle(
        List.of(
            EXAMPLES.get("MedicationRequest"), medication == null ? DRAFT_MEDICATION : medication));
  }

  private static String bundle(List<String> resources) {
    var entries = new ArrayList<String>();
    for (String resource : resources) {
      JsonNode node = JSON.readTree(resource);
      String fullUrl =
          "https://ehr.example/fhir/"
              + node.get("resourceType").asString()
              + "/"
              + node.get("id").asString();
      entries.add("{\"fullUrl\":\"" + fullUrl + "\",\"resource\":" + resource + "}");
    }
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
        + String.join(",", entries)
        + "]}";
  }

  /** The draft orders parsed by HAPI, whole or with only the elements the facts declare. */
  private static Bundle parseBundle(String json, boolean declaredOnly) {
    JsonNode bundle = JSON.readTree(json);
    if (declaredOnly) {
      for (JsonNode entry : bundle.get("entry")) {
        ObjectNode resource = (ObjectNode) entry.get("resource");
        String type = resource.get("resourceType").asString();
        for (String name : List.copyOf(resource.propertyNames())) {
          if (!relevance.readsElement(type, name)) {
            resource.remove(name);
          }
        }
      }
    }
    return (Bundle) parse(JSON.writeValueAsString(bundle));
  }

  private static Resource parse(String json) {
    IParser parser = TestCharts.FHIR.newJsonParser();
    parser.setParserErrorHandler(LenientParsing.errorHandler());
    return (Resource) parser.parseResource(json);
  }

  private static PatientRecord fastRecord(Map<String, String> prefetch) {
    Map<String, JsonNode> tree = new LinkedHashMap<>();
    prefetch.forEach((key, json) -> tree.put(key, JSON.readTree(json)));
    return fast.load(
        new PatientDataRequest("p1", null, null, tree), EnumSet.allOf(PrefetchKey.class));
  }

  /** Every prefetch value parsed whole by HAPI. */
  private static PatientRecord referenceRecord(Map<String, String> prefetch) {
    Map<PrefetchKey, List<ChartEntry>> entries = new EnumMap<>(PrefetchKey.class);
    for (PrefetchKey key : PrefetchKey.values()) {
      IBaseResource resource = parse(prefetch.get(key.key()));
      var list = new ArrayList<ChartEntry>();
      if (resource instanceof Bundle bundle) {
        key.resourcesIn(bundle).forEach(r -> list.add(ChartEntry.parsed(r)));
      } else {
        list.add(ChartEntry.parsed((Resource) resource));
      }
      entries.put(key, list);
    }
    return PatientRecordAssembler.assemble(entries);
  }
}
