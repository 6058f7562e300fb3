package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.authoring.RulesCheckCommand;
import org.ketaminecds.scenarios.InvalidScenarioException;
import org.ketaminecds.scenarios.ScenarioReader;
import org.ketaminecds.support.RulesFolders;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One parse policy: the same malformed resource gets the same verdict through every way FHIR enters
 * the service. Refused, never read with the bad part dropped (a refuted aneurysm whose refutation
 * was dropped would count): 400 with an OperationOutcome for what the caller sent (prefetch, draft
 * orders, the workbench), 412 with an OperationOutcome for what the EHR's FHIR server answered (the
 * contract's "data that cannot be had"), an error naming the scenario when reading a scenario, and
 * a failed {@code rules check}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cds.security.require-jwt=false", "cds.workbench.enabled=true"})
@Import(TestClockConfiguration.class)
class ParsePolicyTableTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String SCENARIO = "rules/scenarios/aneurysm-refuted-not-shown-on-order-sign.json";

  /** The FHIR server's answer to every query: set by each test before it calls. */
  static volatile String serverAnswer;

  static HttpServer fhirServer;

  @LocalServerPort int port;
  @Autowired FhirContext fhirContext;
  @TempDir Path temp;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startTheFhirServer() throws IOException {
    fhirServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fhirServer.createContext(
        "/fhir",
        exchange -> {
          byte[] body = serverAnswer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    fhirServer.start();
  }

  @AfterAll
  static void stopTheFhirServer() {
    fhirServer.stop(0);
  }

  /** A refuted cerebral aneurysm, broken in one way each. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("verificationStatus a bare string", "\"verificationStatus\":\"refuted\","),
        Arguments.of(
            "verificationStatus coding not a list",
            "\"verificationStatus\":{\"coding\":{\"code\":\"refuted\"}},"),
        Arguments.of(
            "an onset that is not a date",
            "\"verificationStatus\":{\"coding\":[{\"code\":\"refuted\"}]},"
                + "\"onsetDateTime\":\"last spring\","));
  }

  static String condition(String broken) {
    return "{\"resourceType\":\"Condition\",\"id\":\"cerebral-aneurysm\","
        + broken
        + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\","
        + "\"code\":\"I67.1\"}]},\"subject\":{\"reference\":\"Patient/p1\"}}";
  }

  @ParameterizedTest(name = "{0}: hook prefetch")
  @MethodSource("malformed")
  void inThePrefetch(String name, String broken) {
    ObjectNode call = hookCall("patient-view");
    ((ObjectNode) call.get("prefetch")).set("conditions", searchset(condition(broken)));

    assertRefused(post("/cds-services/ketamine-eligibility", call), 400);
  }

  @ParameterizedTest(name = "{0}: draft orders")
  @MethodSource("malformed")
  void inTheDraftOrders(String name, String broken) {
    ObjectNode call = hookCall("order-sign");
    ObjectNode orders = searchset(condition(broken));
    orders.put("type", "collection");
    ((ArrayNode) orders.get("entry")).addObject().set("resource", orderOfKetamine());
    ((ObjectNode) call.get("context")).set("draftOrders", orders);

    assertRefused(post("/cds-services/ketamine-order-sign", call), 400);
  }

  @ParameterizedTest(name = "{0}: FHIR server answer")
  @MethodSource("malformed")
  void inTheFhirServersAnswer(String name, String broken) {
    serverAnswer = searchset(condition(broken)).toString();
    ObjectNode call = hookCall("patient-view");
    ((ObjectNode) call.get("prefetch")).remove("conditions");
    call.put("fhirServer", "http://127.0.0.1:" + fhirServer.getAddress().getPort() + "/fhir");

    assertRefused(post("/cds-services/ketamine-eligibility", call), 412);
  }

  @ParameterizedTest(name = "{0}: workbench")
  @MethodSource("malformed")
  void inTheWorkbench(String name, String broken) {
    ObjectNode bundle = searchset(condition(broken));
    ObjectNode request = JSON.createObjectNode();
    request.put("hook", "patient-view");
    request.put("asOf", "2026-06-01");
    request.set("bundle", bundle);

    assertRefused(post("/workbench/api/evaluate", request), 400);
  }

  @ParameterizedTest(name = "{0}: scenario and rules check")
  @MethodSource("malformed")
  void inAScenario(String name, String broken) throws IOException {
    Path rules = RulesFolders.copyOfRules(temp.resolve("rules"));
    Path scenario = rules.resolve("scenarios/aneurysm-refuted-not-shown-on-order-sign.json");
    ObjectNode json = (ObjectNode) JSON.readTree(Files.readString(scenario));
    ArrayNode resources = (ArrayNode) json.get("resources");
    resources.set(1, JSON.readTree(condition(broken)));
    Files.writeString(scenario, json.toPrettyString());

    assertThatThrownBy(
            () -> new ScenarioReader(fhirContext).read("broken", Files.readString(scenario)))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("not valid FHIR R4");

    var output = new ByteArrayOutputStream();
    int status =
        RulesCheckCommand.run(
            new String[] {"rules", "check", "--rules", rules.toString()},
            new PrintStream(output, true, StandardCharsets.UTF_8));
    assertThat(status).as(output.toString(StandardCharsets.UTF_8)).isEqualTo(1);
    assertThat(output.toString(StandardCharsets.UTF_8))
        .contains("aneurysm-refuted-not-shown-on-order-sign", "not valid FHIR R4");
  }

  private static void assertRefused(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(body.path("issue").path(0).path("severity").asString()).isEqualTo("error");
  }

  private static ObjectNode hookCall(String hook) {
    ObjectNode call = JSON.createObjectNode();
    call.put("hook", hook);
    call.put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
    ObjectNode context = call.putObject("context");
    context.put("userId", "Practitioner/1");
    context.put("patientId", "p1");
    ObjectNode prefetch = call.putObject("prefetch");
    prefetch.set(
        "patient",
        JSON.readTree("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1980-02-03\"}"));
    prefetch.set("conditions", searchset());
    prefetch.putNull("medications");
    prefetch.putNull("observations");
    prefetch.putNull("allergies");
    return call;
  }

  private static JsonNode orderOfKetamine() {
    return JSON.readTree(
        "{\"resourceType\":\"MedicationRequest\",\"id\":\"k1\",\"status\":\"draft\","
            + "\"intent\":\"order\",\"medicationCodeableConcept\":{\"coding\":[{\"system\":"
            + "\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"6130\"}]},"
            + "\"subject\":{\"reference\":\"Patient/p1\"}}");
  }

  private static ObjectNode searchset(String... resources) {
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "searchset");
    ArrayNode entries = bundle.putArray("entry");
    for (String resource : resources) {
      JsonNode node = JSON.readTree(resource);
      entries
          .addObject()
          .put("fullUrl", "https://ehr.example/fhir/Condition/" + node.get("id").asString())
          .set("resource", node);
    }
    return bundle;
  }

  private HttpResponse<String> post(String path, JsonNode body) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
