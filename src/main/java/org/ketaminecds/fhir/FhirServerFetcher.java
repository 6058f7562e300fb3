package org.ketaminecds.fhir;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.web.ComputeSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the keys the EHR did not prefetch, all at once, within the deadline of the hook call. The
 * first failure ends the call: the other queries are aborted, since a partial chart could hide a
 * contraindication.
 */
final class FhirServerFetcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FhirServerFetcher.class);

  private final FhirClients clients;
  private final FhirServerUrlPolicy urlPolicy;
  private final ThreadPoolExecutor executor;
  private final int maxPages;
  private final ComputeSlots slots;

  FhirServerFetcher(
      FhirAccessProperties properties, FhirServerUrlPolicy urlPolicy, ComputeSlots slots) {
    this.slots = slots;
    this.clients = new FhirClients(properties);
    this.urlPolicy = urlPolicy;
    this.maxPages = properties.maxPages();
    int threads = properties.maxConcurrentQueries();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            // Bounded: when EHRs are slow, calls fail fast instead of queueing without end.
            new ArrayBlockingQueue<>(properties.maxQueuedQueries()),
            daemonThreads(),
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
  }

  /**
   * The resources of each key, fetched in parallel.
   *
   * @param continueFrom for keys whose first page was prefetched: the next link to follow instead
   *     of searching (only the further pages' resources are returned)
   * @param deadlineNanos the {@link System#nanoTime()} by which all queries must be done
   * @throws PatientDataUnavailableException when a query fails or the deadline passes
   */
  Map<PrefetchKey, List<Resource>> fetch(
      FhirServerTarget target,
      Set<PrefetchKey> keys,
      Map<PrefetchKey, String> continueFrom,
      long deadlineNanos) {
    CompletionService<FhirKeyQuery.Result> completion = new ExecutorCompletionService<>(executor);
    Map<Future<FhirKeyQuery.Result>, FhirKeyQuery> pending = new HashMap<>();
    Map<PrefetchKey, List<Resource>> fetched = new EnumMap<>(PrefetchKey.class);
    long started = System.nanoTime();
    try {
      for (PrefetchKey key : keys) {
        FhirKeyQuery query =
            new FhirKeyQuery(key, target, clients, urlPolicy, maxPages, continueFrom.get(key));
        pending.put(completion.submit(query), query);
      }
      while (!pending.isEmpty()) {
        Future<FhirKeyQuery.Result> done =
            slots.whileWaiting(
                () -> completion.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS));
        if (done == null) {
          throw timedOut(pending, started);
        }
        pending.remove(done);
        FhirKeyQuery.Result result = done.get();
        fetched.put(result.key(), result.resources());
        log.debug(
            "Fetched {}: {} resources in {} page(s)",
            result.key().key(),
            result.resources().size(),
            result.pages());
      }
      return fetched;
    } catch (RejectedExecutionException e) {
      throw failed(
          new PatientDataUnavailableException("too many FHIR queries are waiting; try again", keys),
          started);
    } catch (ExecutionException e) {
      throw failed(asUnavailable(e.getCause()), started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(
          new PatientDataUnavailableException("fetching patient data was interrupted", keys),
          started);
    } finally {
      pending.forEach(
          (future, query) -> {
            query.abort();
            future.cancel(true);
          });
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    clients.close();
  }

  private static PatientDataUnavailableException timedOut(
      Map<Future<FhirKeyQuery.Result>, FhirKeyQuery> pending, long started) {
    List<PrefetchKey> late = pending.values().stream().map(FhirKeyQuery::key).sorted().toList();
    String keys = late.stream().map(PrefetchKey::key).collect(Collectors.joining(", "));
    return failed(
        new PatientDataUnavailableException("FHIR server did not answer in time for " + keys, late),
        started);
  }

  private static PatientDataUnavailableException asUnavailable(Throwable cause) {
    if (cause instanceof PatientDataUnavailableException) {
      return (PatientDataUnavailableException) cause;
    }
    return new PatientDataUnavailableException(
        "fetching patient data failed (" + cause.getClass().getSimpleName() + ")",
        // Not known which query failed: say the whole chart.
        EnumSet.allOf(PrefetchKey.class));
  }

  private static PatientDataUnavailableException failed(
      PatientDataUnavailableException failure, long started) {
    log.warn(
        "FHIR fetch failed after {} ms: {}",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        failure.getMessage());
    return failure;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "fhir-query-" + count.incrementAndGet());
      // Queries are bounded by timeouts anyway; they must never keep the JVM alive on shutdown.
      thread.setDaemon(true);
      return thread;
    };
  }
}
