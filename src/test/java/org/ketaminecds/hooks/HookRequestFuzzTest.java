package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketaminecds.facts.fhir.ChartFacts;
import org.ketaminecds.facts.fhir.DraftOrderReader;
import org.ketaminecds.fhir.FhirAccessProperties;
import org.ketaminecds.fhir.InvalidPatientDataRequestException;
import org.ketaminecds.fhir.PatientDataLoader;
import org.ketaminecds.fhir.PatientDataRequest;
import org.ketaminecds.fhir.PatientDataUnavailableException;
import org.ketaminecds.fhir.PatientRecord;
import org.ketaminecds.terminology.Terminology;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes what the service does with a hook call before the rules: {@link HookRequestReader}, the
 * draft orders, {@link PatientDataLoader} (prefetch, and the FHIR server on a loopback port where
 * nothing listens) and the chart facts. Valid requests are mutated by {@link RequestMutator}. The
 * property: every input either passes or fails with one of the exceptions that the service answers
 * 400 or 412; never a NullPointerException, ClassCastException, StackOverflowError or the like,
 * which would be a 500.
 *
 * <p>Reproducible in CI: a fixed seed and a fixed number of tries ({@code -Dfuzz.tries=N} for
 * more), never a time budget, so a busy machine runs the same inputs, only slower. {@code
 * -Dfuzz.seed=random} draws a random seed, {@code -Dfuzz.seed=N} replays one; the seed is printed,
 * and a failure names the seed and the try and leaves its input under {@code
 * target/fuzz-failures/}.
 */
class HookRequestFuzzTest {

  static final long FIXED_SEED = 20_260_601L;
  static final int TRIES = Integer.getInteger("fuzz.tries", 2_000);
  static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  /** Port 1 on loopback: nothing listens, so a fetch fails at once and never leaves the host. */
  static final String NOWHERE = "http://127.0.0.1:1/fhir";

  static HookRequestReader reader;
  static DraftOrderReader draftOrders;
  static ChartFacts chartFacts;
  static PatientDataLoader loader;
  static List<Seed> seeds;

  record Seed(CdsService service, ObjectNode request) {}

  /** How one input ended: {@code unexpected} is set only for {@link Kind#UNEXPECTED}. */
  record Outcome(Kind kind, Throwable unexpected) {
    enum Kind {
      PASSED,
      REFUSED,
      UNAVAILABLE,
      UNEXPECTED
    }
  }

  @BeforeAll
  static void setUp() throws IOException {
    FhirContext fhir = FhirContext.forR4Cached();
    Terminology terminology = new Terminology();
    loader =
        new PatientDataLoader(
            fhir, FhirAccessProperties.defaults().withDeadline(Duration.ofSeconds(2)));
    reader = new HookRequestReader(fhir, loader);
    draftOrders = new DraftOrderReader(terminology);
    chartFacts = new ChartFacts(terminology);
    CdsServiceCatalog catalog = new CdsServiceCatalog();
    ObjectNode patientView = example("patient-view-trd-candidate");
    ObjectNode orderSign = example("order-sign-esketamine-with-aneurysm");
    ObjectNode orderSelect = orderSign.deepCopy().put("hook", "order-select");
    ObjectNode nothingPrefetched = patientView.deepCopy();
    nothingPrefetched.remove("prefetch");
    seeds =
        List.of(
            new Seed(catalog.find("ketamine-eligibility").orElseThrow(), patientView),
            new Seed(catalog.find("ketamine-eligibility").orElseThrow(), nothingPrefetched),
            new Seed(catalog.find("ketamine-order-sign").orElseThrow(), orderSign),
            new Seed(catalog.find("ketamine-order-select").orElseThrow(), orderSelect));
  }

  @AfterAll
  static void tearDown() {
    loader.close();
  }

  @Test
  void theSeedsThemselvesPass() {
    for (Seed seed : seeds) {
      assertThat(outcome(seed.service(), seed.request().toString().getBytes()).kind())
          .as(seed.request().get("hook").asString())
          .isEqualTo(
              seed.request().has("prefetch") ? Outcome.Kind.PASSED : Outcome.Kind.UNAVAILABLE);
    }
  }

  @Test
  void mutatedRequestsAreAnsweredOrRefusedNeverFailed() {
    String property = System.getProperty("fuzz.seed", "");
    long seed =
        property.isBlank()
            ? FIXED_SEED
            : property.equals("random") ? new SecureRandom().nextLong() : Long.parseLong(property);
    System.out.println("HookRequestFuzzTest seed " + seed + " (replay: -Dfuzz.seed=" + seed + ")");
    fuzz(seed);
  }

  private static void fuzz(long seed) {
    Random random = new Random(seed);
    List<String> failures = new ArrayList<>();
    Map<Outcome.Kind, Integer> counts = new EnumMap<>(Outcome.Kind.class);
    int tries = 0;
    while (tries < TRIES && failures.size() < 5) {
      long trySeed = random.nextLong();
      Seed start = seeds.get(new Random(trySeed).nextInt(seeds.size()));
      RequestMutator mutator = new RequestMutator(new Random(trySeed));
      byte[] input = mutator.mutate(start.request());
      Outcome outcome = outcome(start.service(), input);
      counts.merge(outcome.kind(), 1, Integer::sum);
      if (outcome.kind() == Outcome.Kind.UNEXPECTED) {
        failures.add(report(seed, tries, start, mutator.steps(), input, outcome.unexpected()));
      }
      tries++;
    }
    System.out.println("HookRequestFuzzTest seed " + seed + ": " + tries + " tries " + counts);
    assertThat(failures).as("seed " + seed + ", " + tries + " tries").isEmpty();
  }

  /**
   * Runs one input through the path of a hook call up to the rules.
   *
   * @return passed, refused (a 400), unavailable (a 412), or unexpected with what was thrown
   */
  private static Outcome outcome(CdsService service, byte[] body) {
    try {
      HookCall call = reader.read(service, body);
      if (call.draftOrders() != null) {
        draftOrders.ketamineOrders(call.draftOrders());
      }
      PatientRecord chart = loader.load(keptOnLoopback(call.patientDataRequest()));
      chartFacts.extract(chart, TODAY);
      return new Outcome(Outcome.Kind.PASSED, null);
    } catch (InvalidHookRequestException | InvalidPatientDataRequestException refused) {
      return new Outcome(Outcome.Kind.REFUSED, null);
    } catch (PatientDataUnavailableException unavailable) {
      return new Outcome(Outcome.Kind.UNAVAILABLE, null);
    } catch (Throwable unexpected) {
      return new Outcome(Outcome.Kind.UNEXPECTED, unexpected);
    }
  }

  /**
   * The fuzzer must never reach beyond this machine: an https {@code fhirServer} (one a mutation
   * copied from elsewhere in the request) is pointed at {@link #NOWHERE}. Plain http to another
   * host is refused by the service itself before any connection.
   */
  private static PatientDataRequest keptOnLoopback(PatientDataRequest request) {
    String server = request.fhirServer();
    if (server != null && server.strip().regionMatches(true, 0, "https", 0, 5)) {
      return new PatientDataRequest(
          request.patientId(), NOWHERE, request.accessToken(), request.prefetch());
    }
    return request;
  }

  private static String report(
      long seed, int attempt, Seed start, List<String> steps, byte[] input, Throwable failure) {
    Path saved = Path.of("target", "fuzz-failures", seed + "-" + attempt + ".json");
    try {
      Files.createDirectories(saved.getParent());
      Files.write(saved, input);
    } catch (IOException e) {
      saved = null;
    }
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return "seed "
        + seed
        + ", try "
        + attempt
        + ", service "
        + start.service().id()
        + ", mutations "
        + steps
        + (saved == null ? "" : ", input in " + saved)
        + "\n"
        + trace.toString().lines().limit(12).reduce("", (a, b) -> a + b + "\n");
  }

  private static ObjectNode example(String name) throws IOException {
    ObjectNode request =
        (ObjectNode)
            CdsCalls.JSON.readTree(
                Files.readString(Path.of("cds-hooks/examples/" + name + ".request.json")));
    request.put("fhirServer", NOWHERE);
    return request;
  }
}
