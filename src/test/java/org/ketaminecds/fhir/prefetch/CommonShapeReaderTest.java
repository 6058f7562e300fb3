package org.ketaminecds.fhir.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.charts.ChartGenerator;
import org.ketaminecds.charts.ChartSize;
import org.ketaminecds.charts.GeneratedChart;
import org.ketaminecds.facts.fhir.ChartRelevance;
import org.ketaminecds.fhir.LenientParsing;
import org.ketaminecds.fhir.TestCharts;
import org.ketaminecds.terminology.Terminology;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every resource {@link CommonShapeReader} reads must be the resource HAPI parses from the same
 * JSON, element for element ({@code equalsDeep}); every shape it does not read in full must be left
 * to HAPI (null), never read in part.
 */
class CommonShapeReaderTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> TYPES_READ =
      List.of(
          "Condition",
          "Observation",
          "MedicationStatement",
          "AllergyIntolerance",
          "Patient",
          "Medication",
          "MedicationAdministration",
          "MedicationRequest");
  static final ChartRelevance RELEVANCE = new ChartRelevance(new Terminology());

  static Stream<Arguments> generatedCharts() {
    return Stream.of(ChartSize.SMALL, ChartSize.HEAVY)
        .flatMap(size -> LongStream.rangeClosed(1, 4).mapToObj(seed -> Arguments.of(size, seed)));
  }

  /**
   * The generator writes charts as EHRs do; of their resources of the types read here, as the facts
   * see them (the elements they read), every one is read here, and read as HAPI reads it: a chart
   * of the benchmarks never goes to HAPI's parser.
   */
  @ParameterizedTest(name = "{0} chart, seed {1}")
  @MethodSource("generatedCharts")
  void readsTheResourcesOfGeneratedChartsAsHapiDoes(ChartSize size, long seed) {
    GeneratedChart chart = new ChartGenerator(seed, TODAY).generate(size);
    int read = 0;
    for (String value : chart.prefetchJson().values()) {
      JsonNode json = JSON.readTree(value);
      List<JsonNode> resources = new ArrayList<>();
      json.path("entry").forEach(entry -> resources.add(entry.get("resource")));
      if (!json.has("entry")) {
        resources.add(json);
      }
      for (JsonNode node : resources) {
        ObjectNode resource = (ObjectNode) node;
        String type = resource.get("resourceType").asString();
        if (!CommonShapeReader.reads(type)) {
          continue;
        }
        String kept = keptElements(resource).toString();
        assertThat(CommonShapeReader.read(type, bytes(kept), 0, bytes(kept).length))
            .as("a generated %s", type)
            .isNotNull();
        assertReadAsHapiReadsIt(kept);
        read++;
      }
    }
    assertThat(read).isGreaterThan(size == ChartSize.HEAVY ? 700 : 15);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // dates of every precision, with and without a zone; a Period with only an end
        """
        {"resourceType":"Condition","id":"c1","onsetDateTime":"2019",
         "abatementPeriod":{"end":"2021-03"},"recordedDate":"2020-02-03T04:05:06+05:30",
         "code":{"coding":[{"system":"http://snomed.info/sct","version":"http://snomed.info/sct/731000124108",
           "code":"35489007","display":"Depressive disorder"}],"text":"Depression"},
         "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
         "verificationStatus":{"coding":[{"code":"confirmed"}]},"meta":{"versionId":"3"}}""",
        """
        {"resourceType":"Condition","id":"c2","onsetPeriod":{"start":"2020-01-01T00:00:00Z"},
         "abatementDateTime":"2020-05-05","code":{"text":"free text only"}}""",
        // a BP panel, an instant, decimals as written
        """
        {"resourceType":"Observation","id":"o1","status":"final","effectiveInstant":"2026-05-01T10:00:00.123Z",
         "code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},
         "component":[
           {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},
            "valueQuantity":{"value":120.50,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
           {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":80}}]}""",
        """
        {"resourceType":"Observation","id":"o2","status":"amended","effectivePeriod":{"start":"2026-04-01"},
         "code":{"coding":[{"system":"http://loinc.org","code":"82810-3"}]},
         "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"77386006"}]}}""",
        // two dosage lines, timing by repeat and by code, a dose in g
        """
        {"resourceType":"MedicationStatement","id":"m1","status":"completed",
         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"36437"}]},
         "effectivePeriod":{"start":"2025-01-01","end":"2025-03-01"},
         "dosage":[
           {"sequence":1,"text":"50 mg in the morning","asNeededBoolean":false,
            "timing":{"repeat":{"frequency":1,"period":1.0,"periodUnit":"d"}},
            "route":{"coding":[{"system":"http://snomed.info/sct","code":"26643006"}]},
            "doseAndRate":[{"type":{"coding":[{"code":"ordered"}]},
              "doseQuantity":{"value":50,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}]},
           {"timing":{"code":{"coding":[{"code":"BID"}]}},"patientInstruction":"with food",
            "doseAndRate":[{"doseQuantity":{"value":0.1,"unit":"g"}}]}]}""",
        """
        {"resourceType":"MedicationStatement","id":"m2","status":"active","effectiveDateTime":"2026-05",
         "medicationCodeableConcept":{"text":"sertraline"}}""",
        """
        {"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1980-02-29","meta":{"versionId":"7"}}""",
        """
        {"resourceType":"Patient","id":"p2","birthDate":"1975"}""",
        """
        {"resourceType":"AllergyIntolerance","id":"a1","criticality":"high","recordedDate":"2020-01-01",
         "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
         "verificationStatus":{"coding":[{"code":"confirmed"}]},
         "code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"6130","display":"ketamine"}]}}""",
        // an intolerance with its reaction
        """
        {"resourceType":"AllergyIntolerance","id":"a2","type":"intolerance",
         "code":{"text":"ketamine"},
         "reaction":[{"substance":{"text":"ketamine"},"manifestation":[{"text":"dissociation"},
           {"coding":[{"system":"http://snomed.info/sct","code":"422587007","display":"Nausea"}]}],
           "description":"felt detached","onset":"2024-03-02T10:00:00Z","severity":"moderate",
           "exposureRoute":{"text":"nasal"}}]}""",
        // a statement whose Medication is referenced, with a status reason and notes
        """
        {"resourceType":"MedicationStatement","id":"m3","status":"stopped",
         "statusReason":[{"text":"remission"}],"medicationReference":{"reference":"Medication/med-1","display":"sertraline"},
         "effectivePeriod":{"start":"2025-01-01","end":"2025-03-01"},
         "note":[{"text":"full response by week 8","time":"2025-03-01","authorString":"Dr. A"},
           {"text":"seen again","authorReference":{"reference":"Practitioner/p1"}}]}""",
        // timing by event and bounds
        """
        {"resourceType":"MedicationStatement","id":"m4","status":"active",
         "medicationCodeableConcept":{"text":"bupropion"},
         "dosage":[{"timing":{"repeat":{"when":["MORN","HS"],"boundsPeriod":{"start":"2026-01-01"}}}},
           {"timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"d",
             "boundsDuration":{"value":8,"unit":"weeks","system":"http://unitsofmeasure.org","code":"wk"}}}}]}""",
        """
        {"resourceType":"Medication","id":"med-1","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"312940"}]},
         "form":{"text":"tablet"},"ingredient":[{"itemCodeableConcept":{"text":"sertraline"},"isActive":true,
           "strength":{"numerator":{"value":50,"unit":"mg"},"denominator":{"value":1,"unit":"tablet"}}}]}""",
        """
        {"resourceType":"MedicationAdministration","id":"s1","status":"completed",
         "medicationCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/ndc","code":"50458-028-03"}]},
         "effectivePeriod":{"start":"2026-05-01T09:00:00Z","end":"2026-05-01T11:00:00Z"},
         "dosage":{"text":"84 mg","route":{"text":"nasal"},"dose":{"value":84,"unit":"mg"}}}""",
        """
        {"resourceType":"MedicationAdministration","id":"s2","status":"completed",
         "medicationReference":{"reference":"Medication/ket"},"effectiveDateTime":"2026-05-01T09:00:00Z"}""",
        """
        {"resourceType":"MedicationRequest","id":"r1","status":"active",
         "medicationCodeableConcept":{"text":"phenelzine"},
         "reasonCode":[{"text":"depression"}],"reasonReference":[{"reference":"Condition/c1"}],
         "dosageInstruction":[{"text":"15 mg three times a day",
           "timing":{"code":{"coding":[{"code":"TID"}]}},
           "doseAndRate":[{"doseQuantity":{"value":15,"unit":"mg"}}]}]}""",
        // an Observation with its interpretation
        """
        {"resourceType":"Observation","id":"o3","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2106-3"}]},
         "valueCodeableConcept":{"text":"positive"},
         "interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"POS"}]}]}"""
      })
  void readsCommonShapesAsHapiDoes(String json) {
    String compact = JSON.readTree(json).toString();
    String type = JSON.readTree(json).get("resourceType").asString();

    assertThat(CommonShapeReader.read(type, bytes(compact), 0, bytes(compact).length)).isNotNull();
    assertReadAsHapiReadsIt(compact);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // extensions, anywhere
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[{\"code\":\"x\","
            + "\"extension\":[{\"url\":\"http://e\",\"valueString\":\"v\"}]}]}}",
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\","
            + "\"_status\":{\"extension\":[{\"url\":\"http://e\",\"valueCode\":\"x\"}]}}",
        // choices not read here, or given twice
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetAge\":{\"value\":40,\"unit\":\"a\"}}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetString\":\"childhood\"}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"2020\","
            + "\"onsetPeriod\":{\"start\":\"2019\"}}",
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"valueString\":\"120/80\"}",
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"effectiveTiming\":{\"event\":[\"2020\"]}}",
        // references other than a relative Type/id: HAPI links them in the Bundle
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"m\","
            + "\"medicationReference\":{\"reference\":\"urn:uuid:1f6b8f0e-3c1a-4b8e-9d2a\"}}",
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"m\",\"medicationReference\":"
            + "{\"reference\":\"https://ehr.example.org/fhir/Medication/x\"}}",
        "{\"resourceType\":\"MedicationRequest\",\"id\":\"r\",\"medicationReference\":"
            + "{\"reference\":\"Medication/x\",\"identifier\":{\"value\":\"1\"}}}",
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"m\","
            + "\"medicationCodeableConcept\":{\"text\":\"a\"},"
            + "\"medicationReference\":{\"reference\":\"Medication/x\"}}",
        "{\"resourceType\":\"Medication\",\"id\":\"m\",\"ingredient\":"
            + "[{\"itemReference\":{\"reference\":\"Substance/s\"}}]}",
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"m\",\"contained\":[{\"resourceType\":"
            + "\"Medication\",\"id\":\"x\"}],\"medicationReference\":{\"reference\":\"#x\"}}",
        // values of another JSON type, or that HAPI would trim, refuse or read otherwise
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[{\"code\":42}]}}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[{\"code\":\" F32 \"}]}}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[{\"code\":\"\"}]}}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[]}}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"onsetDateTime\":\"not a date\"}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"recordedDate\":\"2020-13-45\"}",
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"almost-final\"}",
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"valueQuantity\":{\"value\":1.2e2}}",
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"valueQuantity\":{\"value\":\"120\"}}",
        "{\"resourceType\":\"Observation\",\"id\":\"o\","
            + "\"valueQuantity\":{\"value\":140,\"comparator\":\">\"}}",
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"m\",\"dosage\":[{\"timing\":"
            + "{\"repeat\":{\"frequency\":2.0,\"period\":1,\"periodUnit\":\"d\"}}}]}",
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"m\",\"dosage\":[{\"timing\":"
            + "{\"repeat\":{\"frequency\":1,\"period\":1,\"periodUnit\":\"fortnight\"}}}]}",
        "{\"resourceType\":\"MedicationStatement\",\"id\":\"m\",\"dosage\":[{\"maxDosePerPeriod\":"
            + "{\"numerator\":{\"value\":1}}}]}",
        // a member given twice: HAPI's tree keeps the last one
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[{\"code\":\"a\"}],"
            + "\"coding\":[{\"code\":\"b\"}]}}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"id\":\"d\"}",
        "{\"resourceType\":\"Condition\",\"id\":\"c\",\"code\":{\"coding\":[{\"code\":\"a\"},"
            + "{\"system\":\"http://s\",\"code\":\"a\",\"display\":\"A\",\"code\":\"b\"}]}}",
        "{\"resourceType\":\"Observation\",\"id\":\"o\",\"code\":{\"text\":\"bp\"},"
            + "\"component\":[{\"code\":{\"text\":\"s\"},\"valueQuantity\":{\"value\":1,"
            + "\"unit\":\"a\",\"value\":2}}],\"status\":\"final\"}",
        "{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"woman\"}",
        "{\"resourceType\":\"Patient\",\"id\":\"p\",\"birthDate\":\"1980-02-30\"}",
        "{\"resourceType\":\"Patient\",\"id\":\"p\",\"_birthDate\":{\"extension\":[]}}",
        "{\"resourceType\":\"AllergyIntolerance\",\"id\":\"a\",\"criticality\":\"very\"}",
        // not one object
        "{\"resourceType\":\"Condition\",\"id\":\"c\"} {}",
        "[{\"resourceType\":\"Condition\"}]"
      })
  void leavesEveryOtherShapeToHapi(String json) {
    for (String type : TYPES_READ) {
      assertThat(CommonShapeReader.read(type, bytes(json), 0, bytes(json).length))
          .as("read as a %s", type)
          .isNull();
    }
  }

  @Test
  void readsOnlyTheTypesItKnows() {
    String encounter = "{\"resourceType\":\"Encounter\",\"id\":\"e\"}";

    assertThat(TYPES_READ).allMatch(CommonShapeReader::reads);
    assertThat(CommonShapeReader.reads("Encounter")).isFalse();
    assertThat(CommonShapeReader.read("Encounter", bytes(encounter), 0, bytes(encounter).length))
        .isNull();
  }

  @Test
  void readsFromTheMiddleOfABuffer() {
    String condition = "{\"resourceType\":\"Condition\",\"id\":\"c9\"}";
    byte[] buffer = bytes("xxxx" + condition + "yyyy");

    Resource read = CommonShapeReader.read("Condition", buffer, 4, bytes(condition).length);

    assertThat(read).isNotNull();
    assertThat(read.getIdElement().getIdPart()).isEqualTo("c9");
  }

  /**
   * Seeded mutations of generated resources (a value of another JSON type, an odd string or date,
   * an added extension, a renamed or removed member): whatever the reader reads must be HAPI's
   * reading, and whatever HAPI refuses the reader must leave to it.
   */
  @Test
  void mutatedResourcesAreReadAsHapiReadsThemOrLeftToIt() {
    long seed = Long.getLong("shapes.seed", 20261122L); // replay another with -Dshapes.seed=N
    var random = new java.util.Random(seed);
    List<ObjectNode> resources = new ArrayList<>();
    GeneratedChart chart = new ChartGenerator(3, TODAY).generate(ChartSize.HEAVY);
    for (String value : chart.prefetchJson().values()) {
      JsonNode json = JSON.readTree(value);
      json.path("entry").forEach(entry -> resources.add((ObjectNode) entry.get("resource")));
    }
    resources.removeIf(r -> !CommonShapeReader.reads(r.get("resourceType").asString()));
    int readDirectly = 0;
    int leftToHapi = 0;
    for (int attempt = 0; attempt < 3000; attempt++) {
      ObjectNode resource = keptElements(resources.get(random.nextInt(resources.size())));
      mutate(resource, random);
      String json = resource.toString();
      String type = resource.get("resourceType").asString();
      Resource read = CommonShapeReader.read(type, bytes(json), 0, bytes(json).length);
      IParser parser = TestCharts.FHIR.newJsonParser();
      parser.setParserErrorHandler(LenientParsing.errorHandler());
      boolean hapiRefuses;
      try {
        parser.parseResource(json);
        hapiRefuses = false;
      } catch (RuntimeException e) {
        hapiRefuses = true;
      }
      if (hapiRefuses) {
        assertThat(read).as("seed %d, try %d: HAPI refuses %s", seed, attempt, json).isNull();
      } else if (read != null) {
        assertReadAsHapiReadsIt(json);
      }
      if (read == null) {
        leftToHapi++;
      } else {
        readDirectly++;
      }
    }
    // Both outcomes happen, or the mutations test nothing.
    assertThat(readDirectly).isGreaterThan(300);
    assertThat(leftToHapi).isGreaterThan(300);
  }

  /** One random change somewhere in the resource's tree. */
  private static void mutate(ObjectNode resource, java.util.Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(resource, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>(target.propertyNames());
    names.remove("resourceType");
    if (names.isEmpty()) {
      target.put("extension", "x");
      return;
    }
    String name = names.get(random.nextInt(names.size()));
    switch (random.nextInt(12)) {
      case 0 -> target.put(name, 7);
      case 1 -> target.put(name, "");
      case 2 -> target.put(name, " padded ");
      case 3 -> target.put(name, "2020-13-45");
      case 4 -> target.put(name, true);
      case 5 -> target.putArray(name);
      case 6 -> target.putObject(name);
      case 7 -> target.putArray("extension").addObject().put("url", "http://example.org/x");
      case 8 -> target.remove(name);
      case 9 -> target.set(name + "String", target.remove(name));
      case 10 -> target.put(name, 12.5e3);
      default -> target.put(name, "2019-02");
    }
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
    if (node instanceof ObjectNode object) {
      objects.add(object);
    }
    node.forEach(child -> collectObjects(child, objects));
  }

  /** HAPI's parse of the same JSON, element for element, with the id's part and version. */
  private static void assertReadAsHapiReadsIt(String json) {
    String type = JSON.readTree(json).get("resourceType").asString();
    Resource read = CommonShapeReader.read(type, bytes(json), 0, bytes(json).length);
    IParser parser = TestCharts.FHIR.newJsonParser();
    parser.setParserErrorHandler(LenientParsing.errorHandler());
    Resource parsed = (Resource) parser.parseResource(json);

    assertThat(read.getIdElement().getIdPart()).isEqualTo(parsed.getIdElement().getIdPart());
    assertThat(read.getIdElement().getVersionIdPart())
        .isEqualTo(parsed.getIdElement().getVersionIdPart());
    parsed.setId((String) null);
    read.setId((String) null);
    assertThat(read.equalsDeep(parsed))
        .as("read as HAPI reads it: %s", json)
        .withFailMessage(
            () ->
                "read:   "
                    + TestCharts.FHIR.newJsonParser().encodeResourceToString(read)
                    + "\nparsed: "
                    + TestCharts.FHIR.newJsonParser().encodeResourceToString(parsed))
        .isTrue();
  }

  /** The resource as the facts see it: only the elements they read (as the resolver keeps them). */
  private static ObjectNode keptElements(ObjectNode resource) {
    String type = resource.get("resourceType").asString();
    List<String> dropped = new ArrayList<>();
    resource
        .propertyNames()
        .forEach(
            name -> {
              if (!RELEVANCE.readsElement(type, name)) {
                dropped.add(name);
              }
            });
    ObjectNode kept = resource.deepCopy();
    kept.remove(dropped);
    return kept;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
