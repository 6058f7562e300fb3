package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.BundleInclusionRule;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A real FHIR R4 server for tests: HAPI's plain {@link RestfulServer} in an embedded Tomcat on a
 * free loopback port, with in-memory resources, correct paging (page size 5 unless set), a bearer
 * token check and injectable faults (delay, error status) per resource type. It counts requests,
 * and the most that were in flight at once.
 *
 * <pre>{@code
 * try (TestFhirServer server = TestFhirServer.start()) {
 *   server.add(patient, condition).requireBearerToken("t0k3n");
 *   ... server.baseUrl() ...
 * }
 * }</pre>
 */
public final class TestFhirServer implements AutoCloseable {

  /** Matches every resource type in {@link #delay}, {@link #failWith} and {@link #answerWith}. */
  public static final String ANY_TYPE = "*";

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final Map<Class<? extends Resource>, HashMapResourceProvider<? extends Resource>>
      providers = new LinkedHashMap<>();
  private final Behaviour behaviour = new Behaviour();
  private final Tomcat tomcat = new Tomcat();
  private final Path baseDir;
  private final int port;

  private TestFhirServer(int pageSize) {
    HashMapResourceProvider<Medication> medications =
        new HashMapResourceProvider<>(FHIR, Medication.class);
    providers.put(Patient.class, new HashMapResourceProvider<>(FHIR, Patient.class));
    providers.put(Medication.class, medications);
    for (Class<? extends Resource> type :
        List.of(
            Condition.class,
            MedicationStatement.class,
            Observation.class,
            AllergyIntolerance.class,
            MedicationAdministration.class,
            MedicationRequest.class)) {
      providers.put(type, scopedProvider(type, medications));
    }

    RestfulServer restfulServer = new RestfulServer(FHIR);
    restfulServer.setDefaultResponseEncoding(EncodingEnum.JSON);
    restfulServer.registerProviders(List.copyOf(providers.values()));
    // The default rule (BASED_ON_INCLUDES) compares _include with the element path, which for
    // the choice element medication[x] never matches "MedicationStatement:medication". The
    // provider attaches a Medication only when _include asks for it, so presence is exact.
    restfulServer.setBundleInclusionRule(BundleInclusionRule.BASED_ON_RESOURCE_PRESENCE);
    // Without a paging provider, next links use _offset, which list-returning searches ignore.
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
    paging.setDefaultPageSize(pageSize);
    paging.setMaximumPageSize(Math.max(pageSize, 100));
    restfulServer.setPagingProvider(paging);

    try {
      baseDir = Files.createTempDirectory("test-fhir-server");
      tomcat.setBaseDir(baseDir.toString());
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      Context context = tomcat.addContext("", null);
      Tomcat.addServlet(context, "fhir", restfulServer).setLoadOnStartup(1);
      context.addServletMappingDecoded("/fhir/*", "fhir");
      FilterDef filterDef = new FilterDef();
      filterDef.setFilterName("behaviour");
      filterDef.setFilter(behaviour);
      context.addFilterDef(filterDef);
      FilterMap filterMap = new FilterMap();
      filterMap.setFilterName("behaviour");
      filterMap.addURLPattern("/*");
      context.addFilterMap(filterMap);
      tomcat.start();
      port = tomcat.getConnector().getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException("Tomcat did not start", e);
    }
  }

  public static TestFhirServer start() {
    return new TestFhirServer(5);
  }

  public static TestFhirServer start(int pageSize) {
    return new TestFhirServer(pageSize);
  }

  /** Like {@code http://127.0.0.1:54321/fhir}, no trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  public int port() {
    return port;
  }

  /** Stores resources (with ids) as the server's data. */
  public TestFhirServer add(Resource... resources) {
    for (Resource resource : resources) {
      provider(resource.getClass()).store(resource);
    }
    return this;
  }

  /** From now on, requests without {@code Authorization: Bearer <token>} get 401. */
  public TestFhirServer requireBearerToken(String token) {
    behaviour.requiredToken = token;
    return this;
  }

  /** Requests for the type (or {@link #ANY_TYPE}) wait this long before being answered. */
  public TestFhirServer delay(String resourceType, Duration delay) {
    behaviour.delays.put(resourceType, delay);
    return this;
  }

  /** Requests for the type (or {@link #ANY_TYPE}) are answered with this status. */
  public TestFhirServer failWith(String resourceType, int status) {
    behaviour.failures.put(resourceType, status);
    return this;
  }

  /**
   * Requests for the type (or {@link #ANY_TYPE}) are answered with this body instead of by HAPI:
   * for servers that misbehave (endless next links, HTML error pages, broken JSON).
   */
  public TestFhirServer answerWith(
      String resourceType, int status, String contentType, String body) {
    behaviour.cannedAnswers.put(resourceType, new CannedAnswer(status, contentType, body));
    return this;
  }

  /** All requests so far, paging requests included. */
  public int requestCount() {
    return behaviour.requests.get();
  }

  /** Requests whose path starts with the type (paging requests have no type). */
  public int requestCount(String resourceType) {
    AtomicInteger count = behaviour.requestsByType.get(resourceType);
    return count == null ? 0 : count.get();
  }

  public int requestsWithoutAuthorization() {
    return behaviour.withoutAuthorization.get();
  }

  public int maxConcurrentRequests() {
    return behaviour.maxInFlight.get();
  }

  public void stop() {
    behaviour.stopping.countDown();
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("Tomcat did not stop", e);
    } finally {
      deleteRecursively(baseDir);
    }
  }

  @Override
  public void close() {
    stop();
  }

  @SuppressWarnings("unchecked")
  private <T extends Resource> HashMapResourceProvider<T> provider(Class<?> type) {
    HashMapResourceProvider<? extends Resource> provider = providers.get(type);
    if (provider == null) {
      throw new IllegalArgumentException("TestFhirServer does not serve " + type.getSimpleName());
    }
    return (HashMapResourceProvider<T>) provider;
  }

  private static <T extends Resource> PatientScopedResourceProvider<T> scopedProvider(
      Class<T> type, HashMapResourceProvider<Medication> medications) {
    return new PatientScopedResourceProvider<>(
        FHIR,
        type,
        id ->
            medications.getStoredResources().stream()
                .filter(m -> id.equals(m.getIdElement().getIdPart()))
                .<Resource>map(Medication::copy)
                .findFirst());
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is harmless.
    }
  }

  private record CannedAnswer(int status, String contentType, String body) {}

  /** Counting, token check and fault injection in front of the FHIR servlet. */
  private static final class Behaviour implements Filter {
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, CannedAnswer> cannedAnswers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsByType = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger withoutAuthorization = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    // Released on stop, so that a delayed request does not hold up Tomcat's shutdown.
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile String requiredToken;

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) req;
      HttpServletResponse response = (HttpServletResponse) resp;
      String type = resourceTypeOf(request);
      requests.incrementAndGet();
      requestsByType.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
      String authorization = request.getHeader("Authorization");
      if (authorization == null) {
        withoutAuthorization.incrementAndGet();
      }
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Duration delay = Optional.ofNullable(delays.get(type)).orElse(delays.get(ANY_TYPE));
        if (delay != null) {
          stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        String token = requiredToken;
        if (token != null && !("Bearer " + token).equals(authorization)) {
          answer(response, 401, "missing or wrong bearer token");
          return;
        }
        Integer status = Optional.ofNullable(failures.get(type)).orElse(failures.get(ANY_TYPE));
        if (status != null) {
          answer(response, status, "injected failure");
          return;
        }
        CannedAnswer canned =
            Optional.ofNullable(cannedAnswers.get(type)).orElse(cannedAnswers.get(ANY_TYPE));
        if (canned != null) {
          response.setStatus(canned.status());
          response.setContentType(canned.contentType());
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          response.getWriter().write(canned.body());
          return;
        }
        chain.doFilter(req, resp);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
    }

    private static String resourceTypeOf(HttpServletRequest request) {
      String path = request.getPathInfo();
      if (path == null || path.length() < 2) {
        return "";
      }
      int slash = path.indexOf('/', 1);
      return slash < 0 ? path.substring(1) : path.substring(1, slash);
    }

    private static void answer(HttpServletResponse response, int status, String diagnostics)
        throws IOException {
      OperationOutcome outcome = new OperationOutcome();
      outcome
          .addIssue()
          .setSeverity(OperationOutcome.IssueSeverity.ERROR)
          .setCode(OperationOutcome.IssueType.PROCESSING)
          .setDiagnostics(diagnostics);
      response.setStatus(status);
      response.setContentType("application/fhir+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(FHIR.newJsonParser().encodeResourceToString(outcome));
    }
  }
}
