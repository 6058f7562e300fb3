package org.ketaminecds.bench;

import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ketaminecds.charts.GeneratedChart;
import org.ketaminecds.fhir.FhirAccessProperties;
import org.ketaminecds.fhir.PatientDataLoader;
import org.ketaminecds.fhir.PatientDataRequest;
import org.ketaminecds.fhir.PatientRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated chart as the service holds it after a full HAPI parse of its prefetch: the input of
 * "evaluation of a parsed chart" (the CQL engine's figures are on an already parsed chart too).
 */
public final class ParsedCharts {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ParsedCharts() {}

  public static PatientRecord parse(GeneratedChart chart) {
    Map<String, JsonNode> prefetch = new LinkedHashMap<>();
    chart.prefetchJson().forEach((key, json) -> prefetch.put(key, JSON.readTree(json)));
    try (var loader =
        new PatientDataLoader(FhirContext.forR4Cached(), FhirAccessProperties.defaults())) {
      return loader.load(new PatientDataRequest(chart.patientId(), null, null, prefetch));
    }
  }
}
