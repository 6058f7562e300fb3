package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.support.CardsContract;
import org.ketaminecds.support.MutableClock;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every clinical scenario of {@code rules/scenarios/} sent through the HTTP endpoint as an EHR
 * would send it, with the chart prefetched: the cards must be exactly the topics and indicators the
 * scenario expects, and obey the contract's card rules.
 */
class ScenarioHttpTest extends ServiceHttpTest {

  static final Path SCENARIOS = Path.of("rules/scenarios");
  static final Map<String, String> SERVICE_BY_HOOK =
      Map.of(
          "patient-view", "ketamine-eligibility",
          "order-select", "ketamine-order-select",
          "order-sign", "ketamine-order-sign");

  @Autowired MutableClock clock;

  @AfterEach
  void resetClock() {
    clock.setToday(TestClockConfiguration.DEFAULT_TODAY);
  }

  static Stream<Named<Path>> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      return files
          .filter(file -> file.toString().endsWith(".json"))
          .sorted()
          .map(file -> Named.of(file.getFileName().toString().replace(".json", ""), file))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theCardsAreExactlyThoseTheScenarioExpects(Path file) throws IOException {
    JsonNode scenario = CdsCalls.JSON.readTree(Files.readString(file));
    clock.setToday(LocalDate.parse(scenario.get("asOf").asString()));
    String hook = scenario.get("hook").asString();

    HttpResponse<String> response =
        calls.post(
            "/cds-services/" + SERVICE_BY_HOOK.get(hook), ScenarioRequests.of(scenario).toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = CdsCalls.json(response);
    CardsContract.check(body);
    Map<String, String> shown = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    for (JsonNode card : body.get("cards")) {
      String topic = card.get("source").get("topic").get("code").asString();
      shown.put(topic, card.get("indicator").asString());
      details.put(topic, card.get("detail").asString());
    }
    Map<String, String> expected = new LinkedHashMap<>();
    scenario
        .get("expect")
        .get("cards")
        .properties()
        .forEach(entry -> expected.put(entry.getKey(), entry.getValue().asString()));
    assertThat(shown).as(scenario.get("title").asString()).isEqualTo(expected);
    JsonNode detailContains = scenario.get("expect").get("detailContains");
    if (detailContains != null) {
      detailContains
          .properties()
          .forEach(
              entry ->
                  entry
                      .getValue()
                      .forEach(
                          text ->
                              assertThat(details.get(entry.getKey())).contains(text.asString())));
    }
  }
}
