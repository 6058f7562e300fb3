package org.ketaminecds.fhir;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service talks to an EHR's FHIR server ({@code cds.fhir.*}). The defaults fit an EHR that
 * waits for the cards: CDS Hooks clients typically give a service a few seconds, so a slow FHIR
 * server must fail fast (412) rather than make the whole hook call time out.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection to the FHIR server
 * @param readTimeout how long to wait for bytes of an answer (socket timeout)
 * @param deadline the time budget for all FHIR queries of one hook call together; queries still
 *     running then are cancelled and the call is answered 412
 * @param maxPages the most searchset pages followed per query; a server whose {@code next} links go
 *     on beyond that is treated as failing rather than followed forever
 * @param maxConcurrentQueries threads querying FHIR servers, shared by all hook calls
 * @param maxQueuedQueries queries that may wait for a thread; beyond that a call gets 412 at once
 *     instead of queueing behind a slow EHR
 * @param allowInsecureHttp whether a non-loopback {@code fhirServer} may use plain http (only for
 *     closed networks: the access token would travel in clear text)
 */
@ConfigurationProperties(prefix = "cds.fhir")
public record FhirAccessProperties(
    @DefaultValue("1s") Duration connectTimeout,
    @DefaultValue("3s") Duration readTimeout,
    @DefaultValue("4s") Duration deadline,
    @DefaultValue("50") int maxPages,
    @DefaultValue("16") int maxConcurrentQueries,
    @DefaultValue("64") int maxQueuedQueries,
    @DefaultValue("false") boolean allowInsecureHttp) {

  public FhirAccessProperties {
    requirePositive("connect-timeout", connectTimeout);
    requirePositive("read-timeout", readTimeout);
    requirePositive("deadline", deadline);
    requirePositive("max-pages", maxPages);
    requirePositive("max-concurrent-queries", maxConcurrentQueries);
    requirePositive("max-queued-queries", maxQueuedQueries);
  }

  /** The defaults, as Spring would bind them with no {@code cds.fhir.*} property set. */
  public static FhirAccessProperties defaults() {
    return new FhirAccessProperties(
        Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(4), 50, 16, 64, false);
  }

  public FhirAccessProperties withDeadline(Duration newDeadline) {
    return new FhirAccessProperties(
        connectTimeout,
        readTimeout,
        newDeadline,
        maxPages,
        maxConcurrentQueries,
        maxQueuedQueries,
        allowInsecureHttp);
  }

  public FhirAccessProperties withMaxPages(int newMaxPages) {
    return new FhirAccessProperties(
        connectTimeout,
        readTimeout,
        deadline,
        newMaxPages,
        maxConcurrentQueries,
        maxQueuedQueries,
        allowInsecureHttp);
  }

  public FhirAccessProperties withAllowInsecureHttp(boolean allow) {
    return new FhirAccessProperties(
        connectTimeout,
        readTimeout,
        deadline,
        maxPages,
        maxConcurrentQueries,
        maxQueuedQueries,
        allow);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("cds.fhir." + name + " must be a positive duration");
    }
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("cds.fhir." + name + " must be at least 1");
    }
  }
}
