package org.ketaminecds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.charts.ChartGenerator;
import org.ketaminecds.charts.ChartSize;
import org.ketaminecds.charts.GeneratedChart;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.facts.fhir.ChartRelevance;
import org.ketaminecds.fhir.prefetch.ChartEntry;
import org.ketaminecds.fhir.prefetch.Prefetch;
import org.ketaminecds.terminology.Terminology;
import org.ketaminecds.web.ComputeHelpers;
import org.ketaminecds.web.ComputeSlots;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast path (prefetch scanned, resources that cannot matter never parsed) must give exactly the
 * facts of the reference path (every prefetch value parsed whole by HAPI, as the service did
 * before): on generated charts of every size and many seeds, and on the shapes where the two could
 * part (duplicate ids, fullUrls that are not Type/id, irregular JSON, codes with spaces).
 */
class PrefetchFastPathTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  static final ChartSize MEDIUM = new ChartSize("medium", 40, 30, 20, 3, 8, 10, 4, 9);
  static final JsonMapper JSON = JsonMapper.builder().build();

  private static Terminology terminology;
  private static ChartFacts chartFacts;
  private static PatientDataLoader fast;
  private static ComputeHelpers helpers;
  private static PatientDataLoader shared;
  private static ChartFacts sharedChartFacts;

  @BeforeAll
  static void createLoaders() {
    terminology = new Terminology();
    chartFacts = new ChartFacts(terminology);
    fast =
        new PatientDataLoader(
            TestCharts.FHIR, FhirAccessProperties.defaults(), new ChartRelevance(terminology));
    // Three helpers, so that keys are read on several threads at once even on a small machine.
    helpers = ComputeHelpers.forCores(4);
    shared =
        new PatientDataLoader(
            TestCharts.FHIR,
            FhirAccessProperties.defaults(),
            new ChartRelevance(terminology),
            ComputeSlots.none(),
            helpers);
    sharedChartFacts = new ChartFacts(terminology, helpers);
  }

  @AfterAll
  static void closeLoaders() {
    fast.close();
    shared.close();
    helpers.close();
  }

  static Stream<Arguments> generatedCharts() {
    return Stream.of(ChartSize.SMALL, MEDIUM, ChartSize.HEAVY)
        .flatMap(
            size ->
                LongStream.rangeClosed(1, size == ChartSize.HEAVY ? 6 : 25)
                    .mapToObj(seed -> Arguments.of(size.name(), seed, size)));
  }

  @ParameterizedTest(name = "{0} chart, seed {1}")
  @MethodSource("generatedCharts")
  void generatedChartsGiveTheFactsOfAFullParse(String name, long seed, ChartSize size) {
    GeneratedChart chart = new ChartGenerator(seed, TODAY).generate(size);
    Map<String, String> prefetch = chart.prefetchJson();

    List<Object> reference = chartFacts.extract(referenceRecord(prefetch), TODAY);
    List<Object> scanned = chartFacts.extract(fastRecord(chart.patientId(), prefetch), TODAY);

    assertThat(scanned).isEqualTo(reference);
    assertThat(reference).isNotEmpty();
    // Keys read on helpers while the scan goes on (the medium and heavy charts have such keys),
    // and facts extracted with helpers (the heavy chart is large enough).
    PatientRecord whileScanning =
        shared.load(
            new PatientDataRequest(
                chart.patientId(), null, null, scanned(shared, prefetchObject(prefetch))),
            keysOf(prefetch));
    assertThat(sharedChartFacts.extract(whileScanning, TODAY)).isEqualTo(reference);
  }

  @Test
  void aHeavyChartReadWhileItIsScannedIsTheChartReadAfterTheScan() {
    GeneratedChart chart = new ChartGenerator(11, TODAY).generate(ChartSize.HEAVY);
    Map<String, String> prefetch = chart.prefetchJson();
    byte[] body = prefetchObject(prefetch);

    Prefetch scanned = scanned(shared, body);
    assertThat(scanned.readWhileScanned()).isTrue();
    assertThat(scanned(fast, body).readWhileScanned()).isFalse();
    PatientRecord whileScanning =
        shared.load(new PatientDataRequest(chart.patientId(), null, null, scanned));
    PatientRecord afterwards = fastRecord(chart.patientId(), prefetch);

    assertThat(encoded(whileScanning.conditions())).isEqualTo(encoded(afterwards.conditions()));
    assertThat(encoded(whileScanning.medicationStatements()))
        .isEqualTo(encoded(afterwards.medicationStatements()));
    assertThat(encoded(whileScanning.medications())).isEqualTo(encoded(afterwards.medications()));
    assertThat(encoded(whileScanning.observations())).isEqualTo(encoded(afterwards.observations()));
    assertThat(chartFacts.extract(whileScanning, TODAY))
        .isEqualTo(chartFacts.extract(afterwards, TODAY));
  }

  @Test
  void readWhileScannedTheFirstUnreadableKeyInKeyOrderFailsTheCall() {
    Map<String, String> prefetch =
        new LinkedHashMap<>(new ChartGenerator(11, TODAY).generate(ChartSize.HEAVY).prefetchJson());
    prefetch.put("observations", "\"not a resource\"");
    prefetch.put("medications", "42");

    assertReadWhileScannedFailsOn(prefetch, "medications");
  }

  /**
   * Two keys read in slices while scanning, each with an unreadable resource in its last slice:
   * whichever thread reads which slice, the call fails on the first key in key order.
   */
  @Test
  void readInSlicesTheFirstUnreadableKeyInKeyOrderFailsTheCall() {
    var conditions = new ArrayList<String>();
    var observations = new ArrayList<String>();
    // Enough entries to be read while scanning, in several slices.
    for (int i = 0; i < 64; i++) {
      conditions.add(
          entry("Condition", "c" + i, condition("c" + i, "http://snomed.info/sct", "35489007")));
      observations.add(entry("Observation", "o" + i, reading("o" + i, "final", "8480-6", 120)));
    }
    conditions.add(
        entry(
            "Condition",
            "bad",
            condition("bad", "http://hl7.org/fhir/sid/icd-10-cm", "F33.2")
                .replace("2025-09-01", "not a date")));
    observations.add(
        entry(
            "Observation",
            "bad",
            reading("bad", "final", "8480-6", 120).replace("2026-05-20T10:00:00Z", "not a date")));
    Map<String, String> prefetch = new LinkedHashMap<>();
    // The later key first in the body: its slices are handed to the helpers first.
    prefetch.put("observations", bundle(observations.toArray(String[]::new)));
    prefetch.put("conditions", bundle(conditions.toArray(String[]::new)));

    assertReadWhileScannedFailsOn(prefetch, "conditions");
    assertReadWhileScannedFailsOn(
        Map.of("observations", prefetch.get("observations")), "observations");
  }

  /** Scanned with helpers, some of its keys read while scanning, the prefetch fails on this key. */
  private static void assertReadWhileScannedFailsOn(Map<String, String> prefetch, String key) {
    Prefetch scanned = scanned(shared, prefetchObject(prefetch));
    assertThat(scanned.readWhileScanned()).isTrue();
    assertThatThrownBy(
            () -> shared.load(new PatientDataRequest("p1", null, null, scanned), keysOf(prefetch)))
        .isInstanceOf(InvalidPrefetchException.class)
        .hasMessageContaining("'" + key + "'");
  }

  /**
   * Slices of a Bundle are handed to the helpers before the scan knows how the Bundle ends. When it
   * turns out irregular (a second entry array, an entry that is not an object) or is replaced by a
   * later duplicate of its key, what was handed out is dropped: the call reads it as it would
   * without helpers.
   */
  @Test
  void aBundleFoundIrregularAfterSlicesWereHandedOutIsReadAsWithoutHelpers() {
    var entries = new ArrayList<String>();
    for (int i = 0; i < 40; i++) {
      entries.add(
          entry("Condition", "c" + i, condition("c" + i, "http://snomed.info/sct", "35489007")));
    }
    String forty = bundle(entries.toArray(String[]::new));
    String depression =
        entry("Condition", "d1", condition("d1", "http://hl7.org/fhir/sid/icd-10-cm", "F33.2"));
    String secondEntryArray =
        forty.substring(0, forty.length() - 1) + ",\"entry\":[" + depression + "]}";
    String entryNotAnObject = forty.replace("]}", ",42]}");

    for (String prefetch :
        List.of(
            "{\"conditions\":" + secondEntryArray + "}",
            "{\"conditions\":" + entryNotAnObject + "}",
            "{\"conditions\":" + forty + ",\"conditions\":" + bundle(depression) + "}")) {
      byte[] body = prefetch.getBytes(StandardCharsets.UTF_8);
      Set<PrefetchKey> keys = EnumSet.of(PrefetchKey.CONDITIONS);
      Prefetch withHelpers = scanned(shared, body);
      assertThat(withHelpers.readWhileScanned()).as(prefetch).isFalse();
      List<String> expected;
      try {
        expected =
            encoded(
                fast.load(new PatientDataRequest("p1", null, null, scanned(fast, body)), keys)
                    .conditions());
      } catch (InvalidPrefetchException withoutHelpers) {
        assertThatThrownBy(
                () -> shared.load(new PatientDataRequest("p1", null, null, withHelpers), keys))
            .as(prefetch)
            .isInstanceOf(InvalidPrefetchException.class);
        continue;
      }
      assertThat(
              encoded(
                  shared
                      .load(new PatientDataRequest("p1", null, null, withHelpers), keys)
                      .conditions()))
          .as(prefetch)
          .isEqualTo(expected);
    }
  }

  /** The prefetch object of a request, its keys in the order given. */
  private static byte[] prefetchObject(Map<String, String> prefetch) {
    var json = new StringBuilder("{");
    prefetch.forEach(
        (key, value) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(key)
                .append("\":")
                .append(value));
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Prefetch scanned(PatientDataLoader loader, byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      parser.nextToken();
      return loader.scanPrefetch(parser, body);
    }
  }

  private static List<String> encoded(List<? extends Resource> resources) {
    IParser parser = TestCharts.FHIR.newJsonParser();
    return resources.stream().map(parser::encodeResourceToString).toList();
  }

  @Test
  void theHeavyChartIsMostlyLeftOut() {
    GeneratedChart chart = new ChartGenerator(42, TODAY).generate(ChartSize.HEAVY);

    PatientRecord record = fastRecord(chart.patientId(), chart.prefetchJson());

    assertThat(record.conditions()).hasSizeLessThan(chart.record().conditions().size() / 4);
    assertThat(record.observations()).hasSizeLessThan(chart.record().observations().size() * 3 / 4);
  }

  @Test
  void aLeftOutEntryStillWinsOverALaterDuplicateOfItsId() {
    String conditions =
        bundle(
            entry("Condition", "c1", condition("c1", "http://snomed.info/sct", "44054006")),
            entry("Condition", "c1", condition("c1", "http://hl7.org/fhir/sid/icd-10-cm", "F33.2")),
            entry(
                "Condition", "c2", condition("c2", "http://hl7.org/fhir/sid/icd-10-cm", "F33.1")));

    assertSameFacts(Map.of("conditions", conditions));
    assertThat(fastRecord("p1", Map.of("conditions", conditions)).conditions())
        .extracting(Resource::getIdPart)
        .containsExactly("c2");
  }

  @Test
  void entriesWhoseFullUrlIsNotTypeAndIdAreParsed() {
    String conditions =
        bundle(
            "{\"fullUrl\":\"urn:uuid:6f0e8d9a-1\",\"resource\":"
                + condition("c1", "http://snomed.info/sct", "44054006")
                + "}",
            "{\"fullUrl\":\"urn:uuid:6f0e8d9a-2\",\"resource\":"
                + condition("c2", "http://hl7.org/fhir/sid/icd-10-cm", "F33.2")
                + "}",
            "{\"resource\":" + condition("c3", "http://hl7.org/fhir/sid/icd-10-cm", "F32.0") + "}");

    assertSameFacts(Map.of("conditions", conditions));
    assertThat(fastRecord("p1", Map.of("conditions", conditions)).conditions()).hasSize(3);
  }

  @Test
  void medicationsByReferenceAndByRxNormOidAreFound() {
    String medications =
        bundle(
            entry(
                "MedicationStatement",
                "ms1",
                "{\"resourceType\":\"MedicationStatement\",\"id\":\"ms1\",\"status\":\"completed\","
                    + "\"medicationReference\":{\"reference\":\"Medication/m1\"},"
                    + "\"effectivePeriod\":{\"start\":\"2025-01-01\",\"end\":\"2025-03-01\"}}"),
            entry(
                "MedicationStatement",
                "ms2",
                "{\"resourceType\":\"MedicationStatement\",\"id\":\"ms2\",\"status\":\"stopped\","
                    + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
                    + "\"urn:oid:2.16.840.1.113883.6.88\",\"code\":\"312938\"}]}}"),
            entry(
                "MedicationStatement",
                "ms3",
                "{\"resourceType\":\"MedicationStatement\",\"id\":\"ms3\",\"status\":\"not-taken\","
                    + "\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
                    + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"312938\"}]}}"),
            entry(
                "Medication",
                "m1",
                "{\"resourceType\":\"Medication\",\"id\":\"m1\",\"code\":{\"coding\":[{\"system\":"
                    + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"312938\"}]}}"),
            entry(
                "Medication",
                "m2",
                "{\"resourceType\":\"Medication\",\"id\":\"m2\",\"code\":{\"coding\":[{\"system\":"
                    + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"617312\"}]}}"));

    assertSameFacts(Map.of("medications", medications));
    PatientRecord record = fastRecord("p1", Map.of("medications", medications));
    assertThat(record.medicationStatements())
        .extracting(Resource::getIdPart)
        .containsExactly("ms1", "ms2");
    // Every Medication is read: a session's Medication may name ketamine by its text alone.
    assertThat(record.medications()).extracting(Resource::getIdPart).containsExactly("m1", "m2");
  }

  @Test
  void codesWithSpacesAndRepeatedElementsAreLeftToHapi() {
    String conditions =
        bundle(
            entry(
                "Condition", "c1", condition("c1", "http://hl7.org/fhir/sid/icd-10-cm", " F33.2")),
            entry(
                "Condition",
                "c2",
                "{\"resourceType\":\"Condition\",\"id\":\"c2\",\"code\":{\"coding\":[{\"system\":"
                    + "\"http://snomed.info/sct\",\"code\":\"44054006\"}]},\"code\":{\"coding\":"
                    + "[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"F33.2\"}]}}"));

    assertSameOutcome(Map.of("conditions", conditions));
  }

  @Test
  void aCodingThatIsNotAnArrayFailsAsItDidBefore() {
    String conditions =
        bundle(
            entry(
                "Condition",
                "c1",
                "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"code\":{\"coding\":{\"system\":"
                    + "\"http://snomed.info/sct\",\"code\":\"44054006\"}}}"));

    assertThatThrownBy(() -> fastRecord("p1", Map.of("conditions", conditions)))
        .isInstanceOf(InvalidPrefetchException.class);
    assertThatThrownBy(() -> referenceRecord(Map.of("conditions", conditions)))
        .isInstanceOf(InvalidPrefetchException.class);
  }

  @Test
  void anInvalidValueInAResourceThatCanGiveAFactStillFailsTheCall() {
    String conditions =
        bundle(
            entry(
                "Condition",
                "c1",
                "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"onsetDateTime\":\"not a date\","
                    + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\","
                    + "\"code\":\"F33.2\"}]}}"));

    assertThatThrownBy(() -> fastRecord("p1", Map.of("conditions", conditions)))
        .isInstanceOf(InvalidPrefetchException.class);
  }

  /**
   * The one difference, and the point of the fast path: a resource that can give no fact is not
   * parsed, so an invalid value inside it no longer costs the clinician the advice.
   */
  @Test
  void anInvalidValueInAResourceThatCannotMatterNoLongerFailsTheCall() {
    String conditions =
        bundle(
            entry(
                "Condition",
                "c1",
                "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"onsetDateTime\":\"not a date\","
                    + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
                    + "\"code\":\"44054006\"}]}}"),
            entry(
                "Condition", "c2", condition("c2", "http://hl7.org/fhir/sid/icd-10-cm", "F33.2")));

    assertThat(fastRecord("p1", Map.of("conditions", conditions)).conditions())
        .extracting(Resource::getIdPart)
        .containsExactly("c2");
    assertThatThrownBy(() -> referenceRecord(Map.of("conditions", conditions)))
        .isInstanceOf(InvalidPrefetchException.class);
  }

  @Test
  void elementsTheFactsReadAreKeptWithTheirExtensionsAndTheOthersLeftOut() {
    String abated =
        "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\","
            + "\"code\":\"F33.2\"}]},\"_abatementDateTime\":{\"extension\":[{\"url\":"
            + "\"http://example.org/unknown-date\",\"valueString\":\"some time ago\"}]}}";
    String valid =
        bundle(
            entry(
                "Condition",
                "c1",
                "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"identifier\":[{\"value\":"
                    + "\"x\"}],"
                    + abated));
    String invalidIdentifier =
        bundle(
            entry(
                "Condition",
                "c1",
                "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"identifier\":\"x\"," + abated));

    assertSameFacts(Map.of("conditions", valid));
    assertThat(chartFacts.extract(fastRecord("p1", Map.of("conditions", invalidIdentifier)), TODAY))
        .isEqualTo(chartFacts.extract(referenceRecord(Map.of("conditions", valid)), TODAY));
    assertThat(fastRecord("p1", Map.of("conditions", valid)).conditions().get(0).hasAbatement())
        .isTrue();
    assertThatThrownBy(() -> referenceRecord(Map.of("conditions", invalidIdentifier)))
        .isInstanceOf(InvalidPrefetchException.class);
  }

  @Test
  void observationsThatDoNotCountAreLeftOutAndTheOthersPaired() {
    String observations =
        bundle(
            entry("Observation", "o1", reading("o1", "final", "8480-6", 150)),
            entry("Observation", "o2", reading("o2", "final", "8462-4", 95)),
            entry("Observation", "o3", reading("o3", "entered-in-error", "8480-6", 190)),
            entry("Observation", "o4", reading("o4", "final", "8867-4", 70)));

    assertSameFacts(Map.of("observations", observations));
    assertThat(fastRecord("p1", Map.of("observations", observations)).observations())
        .extracting(Resource::getIdPart)
        .containsExactly("o1", "o2");
  }

  private static void assertSameFacts(Map<String, String> prefetch) {
    assertThat(chartFacts.extract(fastRecord("p1", prefetch), TODAY))
        .isEqualTo(chartFacts.extract(referenceRecord(prefetch), TODAY))
        .isNotEmpty();
  }

  /** The same facts, or the same kind of failure. */
  private static void assertSameOutcome(Map<String, String> prefetch) {
    List<Object> reference;
    try {
      reference = chartFacts.extract(referenceRecord(prefetch), TODAY);
    } catch (InvalidPrefetchException failure) {
      assertThatThrownBy(() -> fastRecord("p1", prefetch))
          .isInstanceOf(InvalidPrefetchException.class);
      return;
    }
    assertThat(chartFacts.extract(fastRecord("p1", prefetch), TODAY)).isEqualTo(reference);
  }

  private static PatientRecord fastRecord(String patientId, Map<String, String> prefetch) {
    return record(fast, patientId, prefetch);
  }

  private static PatientRecord record(
      PatientDataLoader loader, String patientId, Map<String, String> prefetch) {
    Map<String, JsonNode> tree = new LinkedHashMap<>();
    prefetch.forEach((key, json) -> tree.put(key, JSON.readTree(json)));
    return loader.load(new PatientDataRequest(patientId, null, null, tree), keysOf(prefetch));
  }

  /** The path before the fast one: each prefetch value parsed whole by HAPI. */
  private static PatientRecord referenceRecord(Map<String, String> prefetch) {
    Map<PrefetchKey, List<ChartEntry>> entries = new EnumMap<>(PrefetchKey.class);
    for (PrefetchKey key : keysOf(prefetch)) {
      IParser parser = TestCharts.FHIR.newJsonParser();
      parser.setParserErrorHandler(LenientParsing.errorHandler());
      IBaseResource resource;
      try {
        resource = parser.parseResource(prefetch.get(key.key()));
      } catch (RuntimeException e) {
        throw new InvalidPrefetchException("reference parse failed");
      }
      var list = new ArrayList<ChartEntry>();
      if (resource instanceof Bundle bundle) {
        key.resourcesIn(bundle).forEach(r -> list.add(ChartEntry.parsed(r)));
      } else if (!(resource instanceof OperationOutcome)) {
        list.add(ChartEntry.parsed((Resource) resource));
      }
      entries.put(key, list);
    }
    return PatientRecordAssembler.assemble(entries);
  }

  private static Set<PrefetchKey> keysOf(Map<String, String> prefetch) {
    var keys = EnumSet.noneOf(PrefetchKey.class);
    for (PrefetchKey key : PrefetchKey.values()) {
      if (prefetch.containsKey(key.key())) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static String bundle(String... entries) {
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":["
        + String.join(",", entries)
        + "]}";
  }

  private static String entry(String type, String id, String resource) {
    return "{\"fullUrl\":\"https://ehr.example/fhir/"
        + type
        + "/"
        + id
        + "\",\"resource\":"
        + resource
        + ",\"search\":{\"mode\":\"match\"}}";
  }

  private static String condition(String id, String system, String code) {
    return "{\"resourceType\":\"Condition\",\"id\":\""
        + id
        + "\",\"clinicalStatus\":{\"coding\":[{\"code\":\"active\"}]},\"code\":{\"coding\":"
        + "[{\"system\":\""
        + system
        + "\",\"code\":\""
        + code
        + "\"}]},\"onsetDateTime\":\"2025-09-01\"}";
  }

  private static String reading(String id, String status, String loinc, int mmHg) {
    return "{\"resourceType\":\"Observation\",\"id\":\""
        + id
        + "\",\"status\":\""
        + status
        + "\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\""
        + loinc
        + "\"}]},\"effectiveDateTime\":\"2026-05-20T10:00:00Z\",\"valueQuantity\":{\"value\":"
        + mmHg
        + ",\"unit\":\"mm[Hg]\"}}";
  }
}
