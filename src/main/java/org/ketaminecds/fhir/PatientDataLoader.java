package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.fhir.prefetch.ChartEntry;
import org.ketaminecds.fhir.prefetch.Prefetch;
import org.ketaminecds.fhir.prefetch.PrefetchResolver;
import org.ketaminecds.fhir.prefetch.ResourceRelevance;
import org.ketaminecds.web.ComputeHelpers;
import org.ketaminecds.web.ComputeSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;

/**
 * Gets the patient's chart for a hook call: from prefetch where the EHR sent it, from the EHR's
 * FHIR server where it did not (CDS Hooks 2.0). Either the chart is complete for the keys asked
 * for, or the call fails: {@link PatientDataUnavailableException} (412) when data cannot be had,
 * {@link InvalidPatientDataRequestException} (400) when the request is at fault.
 */
@Component
public class PatientDataLoader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PatientDataLoader.class);

  /** FHIR R4 id syntax; anything else could add parameters to the queries built from it. */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private final PrefetchResolver prefetchResolver;
  private final ComputeHelpers helpers;
  private final FhirServerUrlPolicy urlPolicy;
  private final FhirServerFetcher fetcher;
  private final Duration deadline;

  /** A loader that parses every prefetched resource (tests and tools). */
  public PatientDataLoader(FhirContext fhirContext, FhirAccessProperties properties) {
    this(fhirContext, properties, ResourceRelevance.EVERY_RESOURCE);
  }

  /**
   * The service's loader: with the application's {@link ResourceRelevance} (the facts know what
   * they read), or parsing everything where there is none, as in this package's own wiring.
   */
  @Autowired
  PatientDataLoader(
      FhirContext fhirContext,
      FhirAccessProperties properties,
      ObjectProvider<ResourceRelevance> relevance,
      ObjectProvider<ComputeSlots> slots,
      ObjectProvider<ComputeHelpers> helpers) {
    this(
        fhirContext,
        properties,
        relevance.getIfAvailable(() -> ResourceRelevance.EVERY_RESOURCE),
        slots.getIfAvailable(ComputeSlots::none),
        helpers.getIfAvailable(ComputeHelpers::none));
  }

  /**
   * @param relevance which prefetched resources can give a fact; the others are not parsed
   */
  public PatientDataLoader(
      FhirContext fhirContext, FhirAccessProperties properties, ResourceRelevance relevance) {
    this(fhirContext, properties, relevance, ComputeSlots.none(), ComputeHelpers.none());
  }

  /**
   * @param slots the hook calls' compute slots: a call gives its slot back while it waits for the
   *     FHIR server
   * @param helpers threads that read a large prefetch's entries while the call's own scans on
   */
  PatientDataLoader(
      FhirContext fhirContext,
      FhirAccessProperties properties,
      ResourceRelevance relevance,
      ComputeSlots slots,
      ComputeHelpers helpers) {
    this.helpers = helpers;
    this.prefetchResolver = new PrefetchResolver(fhirContext, relevance);
    this.urlPolicy = new FhirServerUrlPolicy(properties.allowInsecureHttp());
    this.fetcher = new FhirServerFetcher(properties, urlPolicy, slots);
    this.deadline = properties.deadline();
  }

  /**
   * Scans the prefetch object of a hook call's body in the pass that reads the request (see {@link
   * Prefetch}). The entries of a large Bundle are read on the helpers a slice at a time as the scan
   * passes them, while the scan goes on ({@link PrefetchResolver#scan}).
   *
   * @param parser at the START_OBJECT of the prefetch object; left at its END_OBJECT
   * @param body the bytes the parser reads, from their first byte
   */
  public Prefetch scanPrefetch(JsonParser parser, byte[] body) {
    return prefetchResolver.scan(parser, body, helpers);
  }

  /** The whole chart: every {@link PrefetchKey}. */
  public PatientRecord load(PatientDataRequest request) {
    return load(request, EnumSet.allOf(PrefetchKey.class));
  }

  /**
   * The chart as far as {@code needed} goes; other keys are neither parsed nor fetched and stay
   * empty in the record.
   *
   * @throws PatientDataUnavailableException a needed key was not prefetched and could not be
   *     fetched (no fhirServer, server error, 401/403, timeout, patient not found)
   * @throws InvalidPrefetchException a prefetch value cannot be read
   * @throws InvalidFhirServerException fhirServer is not a URL the token may be sent to
   * @throws InvalidPatientIdException the patient id is not a FHIR id and a query is needed
   */
  public PatientRecord load(PatientDataRequest request, Set<PrefetchKey> needed) {
    long started = System.nanoTime();
    // The EHR's clock for the whole call starts now, so prefetch parsing counts against it too.
    long deadlineNanos = started + deadline.toNanos();
    Prefetch prefetch = request.prefetch();

    Map<PrefetchKey, List<ChartEntry>> resources = new EnumMap<>(PrefetchKey.class);
    Set<PrefetchKey> missing = EnumSet.noneOf(PrefetchKey.class);
    // A prefetched searchset with a next link is a first page: the rest is fetched from there.
    Map<PrefetchKey, String> continueFrom = new EnumMap<>(PrefetchKey.class);
    for (PrefetchKey key : needed) {
      Optional<PrefetchResolver.Resolved> prefetched = prefetchResolver.resolve(key, prefetch);
      if (prefetched.isEmpty()) {
        missing.add(key);
        continue;
      }
      resources.put(key, prefetched.get().entries());
      if (prefetched.get().paged()) {
        missing.add(key);
        continueFrom.put(key, prefetched.get().nextUrl());
      }
    }
    if (request.fhirServer() == null
        || request.fhirServer().isBlank()
        || missing.stream().allMatch(PrefetchKey::optional)) {
      // Keys the service can do without are fetched only along with the others: not from a
      // server that is not there, and not when the EHR prefetched everything else (an EHR that
      // knows only the safety keys gets its safety check, without a round trip more).
      missing.removeIf(PrefetchKey::optional);
    }
    if (!missing.isEmpty()) {
      fetch(targetOf(request, missing, continueFrom), missing, continueFrom, deadlineNanos)
          .forEach(
              (key, fetched) -> {
                List<ChartEntry> entries = new ArrayList<>(resources.getOrDefault(key, List.of()));
                fetched.forEach(resource -> entries.add(ChartEntry.parsed(resource)));
                resources.put(key, entries);
              });
    }

    PatientRecord record = PatientRecordAssembler.assemble(resources);
    log.debug(
        "Patient data loaded in {} ms: {} key(s) from prefetch, fetched {}",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        needed.size() - missing.size(),
        names(missing));
    return record;
  }

  /**
   * The first failure ends the fetch and aborts the other queries, so none of the missing keys has
   * been read: the failure names them all as unread.
   */
  private Map<PrefetchKey, List<Resource>> fetch(
      FhirServerTarget target,
      Set<PrefetchKey> missing,
      Map<PrefetchKey, String> continueFrom,
      long deadlineNanos) {
    try {
      return fetcher.fetch(target, missing, continueFrom, deadlineNanos);
    } catch (PatientDataUnavailableException e) {
      throw new PatientDataUnavailableException(e.getMessage(), missing);
    }
  }

  @Override
  public void close() {
    fetcher.close();
  }

  private FhirServerTarget targetOf(
      PatientDataRequest request, Set<PrefetchKey> missing, Map<PrefetchKey, String> paged) {
    if (request.fhirServer() == null || request.fhirServer().isBlank()) {
      // A first page alone is not the chart: such a key counts as not prefetched.
      throw new PatientDataUnavailableException(
          names(missing)
              + (missing.size() == 1 ? " was" : " were")
              + (paged.isEmpty() ? "" : " (in part)")
              + " not prefetched and no fhirServer was given",
          missing);
    }
    URI base = urlPolicy.checkFhirServer(request.fhirServer());
    String patientId = request.patientId();
    if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
      throw new InvalidPatientIdException("context.patientId is not a valid FHIR id");
    }
    return new FhirServerTarget(base, request.accessToken(), patientId);
  }

  private static String names(Set<PrefetchKey> keys) {
    return keys.stream().map(PrefetchKey::key).collect(Collectors.joining(", "));
  }
}
