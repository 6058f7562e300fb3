package org.ketaminecds.fhir.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.charts.ChartGenerator;
import org.ketaminecds.charts.ChartSize;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The scanner's offsets, read without Jackson's location objects, must be Jackson's own: of every
 * token, and of every member's name (found back from its value), or the member is irregular.
 */
class PrefetchScannerTest {

  static final JsonFactory JSON = new JsonFactory();

  @Test
  void offsetsOfAGeneratedHeavyRequestAreJacksonsOwn() {
    byte[] request =
        new ChartGenerator(7, LocalDate.of(2026, 6, 1))
            .generate(ChartSize.HEAVY)
            .requestWithPrefetch("patient-view");

    assertThat(tokensChecked(request)).isGreaterThan(10_000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1,\"b\":[true,null,{\"c\":\"d\"}],\"e\":{}}",
        "{ \"a\" : 1 ,\n\t\"b\"\r\n:\n[ { } ] }",
        "{\"résumé\":\"é\",\"x\":\"\\u00e9\\\"\",\"y\":-1.5e3}",
        "  {\"deep\":{\"deeper\":{\"deepest\":[[[\"x\"]]]}}}  "
      })
  void offsetsOfOddlyWrittenJsonAreJacksonsOwn(String json) {
    assertThat(tokensChecked(json.getBytes(StandardCharsets.UTF_8))).isPositive();
  }

  @Test
  void aNameWithEscapesOrOtherCharactersHasNoPlainStart() {
    for (String json :
        new String[] {"{\"na\\u006de\":1}", "{\"résumé\":1}", "{\"a\\\"b\":1}", "{\"a\\\\\":1}"}) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), bytes)) {
        parser.nextToken();
        parser.nextToken();
        String name = parser.currentName();
        parser.nextToken();
        assertThat(PrefetchScanner.nameStart(parser, name, bytes)).as(json).isEqualTo(-1);
      }
    }
  }

  /** Checks every token of {@code json}; returns how many. */
  private static int tokensChecked(byte[] json) {
    int checked = 0;
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        long jackson = parser.currentTokenLocation().getByteOffset();
        if (token == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          int found = PrefetchScanner.nameStart(parser, name, json);
          if (isPlainAscii(name)) {
            assertThat(found).as("start of member %s", name).isEqualTo(jackson);
          } else {
            assertThat(found).as("start of member %s", name).isEqualTo(-1);
          }
          assertThat(PrefetchScanner.startOf(parser))
              .isEqualTo(parser.currentTokenLocation().getByteOffset());
        } else {
          assertThat(PrefetchScanner.startOf(parser)).as("start of %s", token).isEqualTo(jackson);
        }
        checked++;
      }
    }
    return checked;
  }

  private static boolean isPlainAscii(String name) {
    return name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
  }
}
