package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.security.TestEhr;
import org.ketaminecds.support.CardsContract;
import org.ketaminecds.support.TestClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Every kind of bad input over real HTTP: each is answered with a 4xx and an OperationOutcome whose
 * diagnostics help the EHR's integrator without echoing what was sent, or with a well-formed answer
 * that ignores what cannot be used. Never a 500, never a hang. Bad values carry {@link #MARKER}, so
 * that an answer repeating them is caught.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class BadInputHttpTest {

  static final TestEhr EHR = new TestEhr();

  @DynamicPropertySource
  static void trustTheTestEhr(DynamicPropertyRegistry registry) {
    EHR.register(registry);
  }

  static final String MARKER = "ECHO-b4d-1nput";
  static final String ELIGIBILITY = "/cds-services/ketamine-eligibility";
  static final String ORDER_SIGN = "/cds-services/ketamine-order-sign";
  static final String JSON = "application/json";
  static final int OVER_THE_DEFAULT_LIMIT = 10 * 1024 * 1024 + 1;

  /** One row of the table: what is sent, and the status and diagnostics expected. */
  record BadInput(
      String method,
      String path,
      String contentType,
      Supplier<BodyPublisher> body,
      int status,
      String mentions) {}

  @LocalServerPort int port;

  CdsCalls calls;

  @BeforeEach
  void client() {
    calls = new CdsCalls(port, EHR);
  }

  static Stream<Named<BadInput>> badInputs() {
    return Stream.of(
        // The body as a whole
        post("empty body", ELIGIBILITY, "", 400, "no body"),
        post("not JSON", ELIGIBILITY, "hook=" + MARKER, 400, "not valid JSON"),
        post("truncated JSON", ELIGIBILITY, "{\"hook\": \"" + MARKER, 400, "not valid JSON"),
        post("JSON array", ELIGIBILITY, "[\"" + MARKER + "\"]", 400, "JSON object"),
        post("JSON number", ELIGIBILITY, "42", 400, "JSON object"),
        post("JSON string", ELIGIBILITY, "\"" + MARKER + "\"", 400, "JSON object"),
        post("JSON null", ELIGIBILITY, "null", 400, "JSON object"),
        post("JSON true", ELIGIBILITY, "true", 400, "JSON object"),
        postBytes("invalid UTF-8", ELIGIBILITY, invalidUtf8(), 400, "not valid JSON"),
        post(
            "content after the request object",
            ELIGIBILITY,
            patientView(r -> {}) + " {\"hook\": \"" + MARKER + "\"}",
            400,
            "not valid JSON"),
        post(
            "broken JSON after a valid prefetch",
            ELIGIBILITY,
            patientView(r -> {}).replaceFirst("\\}\\s*$", ", \"late\": [" + MARKER + "}"),
            400,
            "not valid JSON"),
        postBytes(
            "invalid UTF-8 in a prefetch key the service does not read",
            ELIGIBILITY,
            invalidUtf8In(patientView(r -> prefetch(r).put("somethingElse", "@@@"))),
            400,
            "not valid JSON"),
        post("deeply nested JSON", ELIGIBILITY, deeplyNested(100_000), 400, "nested"),
        post(
            "a number of 5000 digits",
            ELIGIBILITY,
            patientView(r -> r.putRawValue("expiresIn", new RawValue("9".repeat(5000)))),
            400,
            "number"),
        // hook, hookInstance
        post("no hook", ELIGIBILITY, patientView(r -> r.remove("hook")), 400, "hook"),
        post("hook a number", ELIGIBILITY, patientView(r -> r.put("hook", 7)), 400, "hook"),
        post(
            "hook an object",
            ELIGIBILITY,
            patientView(r -> r.putObject("hook").put("name", MARKER)),
            400,
            "hook"),
        post(
            "hook of another service",
            ELIGIBILITY,
            patientView(r -> r.put("hook", "order-sign")),
            400,
            "patient-view"),
        post(
            "hook unknown",
            ELIGIBILITY,
            patientView(r -> r.put("hook", MARKER)),
            400,
            "patient-view"),
        post(
            "hookInstance a number",
            ELIGIBILITY,
            patientView(r -> r.put("hookInstance", 12345)),
            400,
            "hookInstance"),
        post(
            "hookInstance an array",
            ELIGIBILITY,
            patientView(r -> r.putArray("hookInstance").add(MARKER)),
            400,
            "hookInstance"),
        post(
            "hookInstance of 100,000 characters",
            ELIGIBILITY,
            patientView(r -> r.put("hookInstance", MARKER + "x".repeat(100_000))),
            400,
            "hookInstance"),
        post(
            "hookInstance with a line break",
            ELIGIBILITY,
            patientView(r -> r.put("hookInstance", "abc\nINFO forged log line " + MARKER)),
            400,
            "hookInstance"),
        // context
        post("no context", ELIGIBILITY, patientView(r -> r.remove("context")), 400, "context"),
        post(
            "context a string",
            ELIGIBILITY,
            patientView(r -> r.put("context", MARKER)),
            400,
            "context"),
        post(
            "context an array",
            ELIGIBILITY,
            patientView(r -> r.putArray("context").add(MARKER)),
            400,
            "context"),
        post(
            "context.patientId a number",
            ELIGIBILITY,
            patientView(r -> context(r).put("patientId", 42)),
            400,
            "context.patientId"),
        post(
            "context.patientId an object",
            ELIGIBILITY,
            patientView(r -> context(r).putObject("patientId").put("id", MARKER)),
            400,
            "context.patientId"),
        // prefetch
        post(
            "prefetch an array",
            ELIGIBILITY,
            patientView(r -> r.putArray("prefetch").add(MARKER)),
            400,
            "prefetch"),
        post(
            "prefetch a string",
            ELIGIBILITY,
            patientView(r -> r.put("prefetch", MARKER)),
            400,
            "prefetch"),
        post(
            "prefetch key a string",
            ELIGIBILITY,
            patientView(r -> prefetch(r).put("conditions", MARKER)),
            400,
            "conditions"),
        post(
            "prefetch key a number",
            ELIGIBILITY,
            patientView(r -> prefetch(r).put("conditions", 17)),
            400,
            "conditions"),
        post(
            "prefetch key an array",
            ELIGIBILITY,
            patientView(r -> prefetch(r).putArray("conditions").add(MARKER)),
            400,
            "conditions"),
        post(
            "prefetch resource that does not parse",
            ELIGIBILITY,
            patientView(
                r ->
                    prefetch(r)
                        .set(
                            "conditions",
                            json(
                                "{\"resourceType\":\"Condition\",\"id\":\""
                                    + MARKER
                                    + "\",\"onsetDateTime\":12}"))),
            400,
            "conditions"),
        post(
            "prefetch Bundle whose entry is not an array",
            ELIGIBILITY,
            patientView(
                r ->
                    prefetch(r)
                        .set(
                            "conditions",
                            json(
                                "{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
                                    + "\"entry\":{\"resource\":\""
                                    + MARKER
                                    + "\"}}"))),
            400,
            "conditions"),
        post(
            "prefetch OperationOutcome and no fhirServer",
            ELIGIBILITY,
            patientView(
                r -> {
                  r.remove("fhirServer");
                  prefetch(r)
                      .set(
                          "conditions",
                          json(
                              "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
                                  + "\"error\",\"code\":\"timeout\",\"diagnostics\":\""
                                  + MARKER
                                  + "\"}]}"));
                }),
            412,
            "conditions"),
        post(
            "prefetch patient an Observation",
            ELIGIBILITY,
            patientView(
                r ->
                    prefetch(r)
                        .set(
                            "patient",
                            json(
                                "{\"resourceType\":\"Observation\",\"id\":\""
                                    + MARKER
                                    + "\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}"))),
            400,
            "patient"),
        post(
            "prefetch resourceType unknown",
            ELIGIBILITY,
            patientView(
                r -> prefetch(r).set("allergies", json("{\"resourceType\":\"" + MARKER + "\"}"))),
            400,
            "allergies"),
        post(
            "prefetch Bundle with an entry of an unknown resource type",
            ELIGIBILITY,
            patientView(
                r ->
                    ((ArrayNode) prefetch(r).get("conditions").get("entry"))
                        .addObject()
                        .putObject("resource")
                        .put("resourceType", MARKER)),
            400,
            "conditions"),
        post(
            "prefetch resourceType missing",
            ELIGIBILITY,
            patientView(r -> prefetch(r).set("allergies", json("{\"id\":\"" + MARKER + "\"}"))),
            400,
            "allergies"),
        // fhirAuthorization, fhirServer (checked when something must be fetched)
        post(
            "fhirAuthorization a string",
            ELIGIBILITY,
            patientView(r -> r.put("fhirAuthorization", MARKER)),
            400,
            "fhirAuthorization"),
        post(
            "fhirAuthorization.access_token a number",
            ELIGIBILITY,
            patientView(r -> r.putObject("fhirAuthorization").put("access_token", 99)),
            400,
            "fhirAuthorization.access_token"),
        post(
            "fhirAuthorization.expires_in a word",
            ELIGIBILITY,
            patientView(r -> r.putObject("fhirAuthorization").put("expires_in", MARKER)),
            400,
            "fhirAuthorization.expires_in"),
        post(
            "fhirServer a number",
            ELIGIBILITY,
            patientView(r -> r.put("fhirServer", 8080)),
            400,
            "fhirServer"),
        post(
            "fhirServer not a URL",
            ELIGIBILITY,
            needsFetching(r -> r.put("fhirServer", "not a url " + MARKER)),
            400,
            "fhirServer"),
        post(
            "fhirServer ftp://",
            ELIGIBILITY,
            needsFetching(r -> r.put("fhirServer", "ftp://" + MARKER + ".example/fhir")),
            400,
            "fhirServer"),
        post(
            "fhirServer http:// not loopback",
            ELIGIBILITY,
            needsFetching(r -> r.put("fhirServer", "http://" + MARKER + ".example/fhir")),
            400,
            "https"),
        post(
            "context.patientId not a FHIR id, needed for a query",
            ELIGIBILITY,
            needsFetching(
                r -> {
                  r.put("fhirServer", "http://127.0.0.1:9/fhir");
                  context(r).put("patientId", "p1&_include=" + MARKER);
                }),
            400,
            "context.patientId"),
        // draftOrders on the order hooks
        post(
            "draftOrders missing",
            ORDER_SIGN,
            orderSign(r -> context(r).remove("draftOrders")),
            400,
            "draftOrders"),
        post(
            "draftOrders a string",
            ORDER_SIGN,
            orderSign(r -> context(r).put("draftOrders", MARKER)),
            400,
            "draftOrders"),
        post(
            "draftOrders not a Bundle",
            ORDER_SIGN,
            orderSign(
                r ->
                    context(r)
                        .set(
                            "draftOrders",
                            json(
                                "{\"resourceType\":\"MedicationRequest\",\"id\":\""
                                    + MARKER
                                    + "\"}"))),
            400,
            "draftOrders"),
        post(
            "draftOrders a Bundle with garbage entries",
            ORDER_SIGN,
            orderSign(
                r ->
                    context(r)
                        .set(
                            "draftOrders",
                            json(
                                "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":"
                                    + "[1, \""
                                    + MARKER
                                    + "\", {\"resource\": 5}, {\"resource\": {\"resourceType\":"
                                    + " \"Nonsense\"}}]}"))),
            400,
            "draftOrders"),
        // Transport
        new BadInputBuilder("wrong Content-Type", ELIGIBILITY)
            .contentType("text/plain")
            .body(patientView(r -> {}))
            .expect(415, "application/json"),
        new BadInputBuilder("no Content-Type", ELIGIBILITY)
            .contentType(null)
            .body(patientView(r -> {}))
            .expect(415, "application/json"),
        new BadInputBuilder("form Content-Type", ELIGIBILITY)
            .contentType("application/x-www-form-urlencoded")
            .body("hook=" + MARKER)
            .expect(415, "application/json"),
        new BadInputBuilder("GET on a service", ELIGIBILITY).method("GET").expect(405, "GET"),
        new BadInputBuilder("DELETE on a service", ELIGIBILITY)
            .method("DELETE")
            .expect(405, "DELETE"),
        new BadInputBuilder("over the size limit, with Content-Length", ELIGIBILITY)
            .body(() -> BodyPublishers.ofByteArray(spaces(OVER_THE_DEFAULT_LIMIT)))
            .expect(413, "10 MB"),
        new BadInputBuilder("over the size limit, chunked", ELIGIBILITY)
            .body(() -> BodyPublishers.ofInputStream(() -> endlessSpaces(OVER_THE_DEFAULT_LIMIT)))
            .expect(413, "10 MB"),
        new BadInputBuilder("feedback over the size limit", ORDER_SIGN + "/feedback")
            .body(() -> BodyPublishers.ofInputStream(() -> endlessSpaces(OVER_THE_DEFAULT_LIMIT)))
            .expect(413, "10 MB"),
        post("feedback not JSON", ORDER_SIGN + "/feedback", MARKER, 400, "not valid JSON"),
        post(
            "feedback items not objects",
            ORDER_SIGN + "/feedback",
            "{\"feedback\": [\"" + MARKER + "\"]}",
            400,
            "outcome"),
        post("unknown service", "/cds-services/" + MARKER, "{}", 404, "GET /cds-services"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isAClientErrorWithAnOperationOutcomeThatDoesNotEchoTheInput(BadInput input) {
    HttpResponse<String> response =
        calls.send(input.method(), input.path(), input.contentType(), input.body().get());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(input.status());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
    JsonNode outcome = CdsCalls.json(response);
    assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
    String diagnostics = outcome.get("issue").get(0).get("diagnostics").asString();
    assertThat(diagnostics).contains(input.mentions());
    assertThat(response.body()).doesNotContain(MARKER);
  }

  /** Input the service cannot use in part, answered normally: the unusable part is ignored. */
  static Stream<Named<String>> usableInputs() {
    String unknownCodes =
        """
        {"resourceType": "Bundle", "type": "searchset", "entry": [
          {"resource": {"resourceType": "Condition", "id": "c-unknown",
            "subject": {"reference": "Patient/example-trd"},
            "code": {"coding": [{"system": "urn:example:unknown", "code": "ZZZ-9"},
                                {"system": "http://snomed.info/sct", "code": "000000000"}],
                     "text": "something no value set knows"}}}]}
        """;
    return Stream.of(
        named("unknown members at every level", patientView(BadInputHttpTest::addUnknownMembers)),
        named(
            "unknown codes everywhere",
            patientView(r -> prefetch(r).set("conditions", json(unknownCodes)))),
        named(
            "a Condition display of 3 MB",
            patientView(
                r ->
                    ((ObjectNode)
                            prefetch(r)
                                .get("conditions")
                                .get("entry")
                                .get(0)
                                .get("resource")
                                .get("code")
                                .get("coding")
                                .get(0))
                        .put("display", "y".repeat(3_000_000)))),
        named(
            "an unusable fhirServer when everything is prefetched",
            patientView(r -> r.put("fhirServer", "ftp://nowhere.example/fhir"))),
        named(
            "a verificationStatus coding without a code (found by the fuzzer: was a 500)",
            patientView(
                r ->
                    ((ObjectNode)
                            prefetch(r)
                                .get("conditions")
                                .get("entry")
                                .get(0)
                                .get("resource")
                                .get("verificationStatus")
                                .get("coding")
                                .get(0))
                        .remove("code"))),
        named(
            "a hookInstance that is no UUID",
            patientView(r -> r.put("hookInstance", "ehr-call-0001"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usableInputs")
  void isAnsweredWithWellFormedCards(String request) {
    HttpResponse<String> response = calls.post(ELIGIBILITY, request);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    CardsContract.check(CdsCalls.json(response));
  }

  /** What Tomcat refuses before the request reaches the service, sent as raw bytes. */
  static Stream<Named<String>> malformedHttp() {
    String rest = " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
    return Stream.of(
        named(
            "headers over 8 KB",
            "POST " + ELIGIBILITY + rest + "X-Padding: " + "a".repeat(20_000) + "\r\n"),
        named("malformed percent-encoding", "POST /cds-services/%zz" + MARKER + rest),
        named("invalid character in the URL", "POST /cds-services/{" + MARKER + "}" + rest),
        named("encoded slash in the URL", "POST /cds-services/a%2F" + MARKER + rest));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedHttp")
  void malformedHttpIsA400WithAnOperationOutcomeToo(String head) throws IOException {
    String answer;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              (head + "Content-Length: 2\r\nConnection: close\r\n\r\n{}")
                  .getBytes(StandardCharsets.ISO_8859_1));
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).containsIgnoringCase("Content-Type: application/fhir+json");
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    JsonNode outcome = CdsCalls.JSON.readTree(body);
    assertThat(outcome.get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(outcome.get("issue").get(0).get("diagnostics").asString())
        .contains("refused before it reached the service");
    assertThat(answer).doesNotContain(MARKER);
  }

  // Builders of the table

  static Named<BadInput> post(String name, String path, String body, int status, String mentions) {
    return new BadInputBuilder(name, path).body(body).expect(status, mentions);
  }

  static Named<BadInput> postBytes(
      String name, String path, byte[] body, int status, String mentions) {
    return new BadInputBuilder(name, path)
        .body(() -> BodyPublishers.ofByteArray(body))
        .expect(status, mentions);
  }

  static final class BadInputBuilder {
    private final String name;
    private final String path;
    private String method = "POST";
    private String contentType = JSON;
    private Supplier<BodyPublisher> body = BodyPublishers::noBody;

    BadInputBuilder(String name, String path) {
      this.name = name;
      this.path = path;
    }

    BadInputBuilder method(String method) {
      this.method = method;
      return this;
    }

    BadInputBuilder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    BadInputBuilder body(String text) {
      return body(() -> BodyPublishers.ofString(text));
    }

    BadInputBuilder body(Supplier<BodyPublisher> body) {
      this.body = body;
      return this;
    }

    Named<BadInput> expect(int status, String mentions) {
      return named(name, new BadInput(method, path, contentType, body, status, mentions));
    }
  }

  static String patientView(Consumer<ObjectNode> change) {
    return changed(Path.of("cds-hooks/examples/patient-view-trd-candidate.request.json"), change);
  }

  static String orderSign(Consumer<ObjectNode> change) {
    return changed(
        Path.of("cds-hooks/examples/order-sign-esketamine-with-aneurysm.request.json"), change);
  }

  /** The patient-view example without conditions prefetched, so they must be fetched. */
  static String needsFetching(Consumer<ObjectNode> change) {
    return patientView(
        r -> {
          prefetch(r).remove("conditions");
          change.accept(r);
        });
  }

  private static String changed(Path example, Consumer<ObjectNode> change) {
    try {
      ObjectNode request = (ObjectNode) CdsCalls.JSON.readTree(Files.readString(example));
      change.accept(request);
      return request.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode context(ObjectNode request) {
    return (ObjectNode) request.get("context");
  }

  static ObjectNode prefetch(ObjectNode request) {
    return (ObjectNode) request.get("prefetch");
  }

  static JsonNode json(String text) {
    return CdsCalls.JSON.readTree(text);
  }

  private static void addUnknownMembers(ObjectNode request) {
    request.put("somethingNew", MARKER);
    context(request).putObject("extensionFromTheFuture").put("x", 1);
    prefetch(request).put("somethingElse", MARKER);
  }

  private static String deeplyNested(int depth) {
    return "{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{\"patientId\":\"p\","
        + "\"deep\":"
        + "[".repeat(depth)
        + "]".repeat(depth)
        + "}}";
  }

  private static byte[] invalidUtf8() {
    byte[] start =
        "{\"hook\":\"patient-view\",\"hookInstance\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(start, start.length + 4);
    bytes[start.length] = (byte) 0xC3;
    bytes[start.length + 1] = (byte) 0x28;
    bytes[start.length + 2] = (byte) 0xFF;
    bytes[start.length + 3] = '"';
    return bytes;
  }

  /** The request with its {@code @@@} replaced by bytes that are not UTF-8. */
  private static byte[] invalidUtf8In(String request) {
    byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
    int at = request.indexOf("@@@");
    bytes[at] = (byte) 0xC3;
    bytes[at + 1] = (byte) 0x28;
    bytes[at + 2] = (byte) 0xFF;
    return bytes;
  }

  private static byte[] spaces(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) ' ');
    return bytes;
  }

  /** {@code length} spaces from a stream, so the client does not know the length: chunked. */
  private static InputStream endlessSpaces(int length) {
    return new InputStream() {
      private int left = length;

      @Override
      public int read() {
        return left-- > 0 ? ' ' : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) {
        if (left <= 0) {
          return -1;
        }
        int n = Math.min(count, left);
        Arrays.fill(buffer, offset, offset + n, (byte) ' ');
        left -= n;
        return n;
      }
    };
  }
}
