package org.ketaminecds.fhir;

import ca.uhn.fhir.rest.client.apache.ApacheHttpRequest;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.http.client.methods.HttpRequestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Runs one key's query against the FHIR server: a read of the Patient, or a search whose {@code
 * next} links are followed up to a page limit. It can be aborted from another thread, which closes
 * the connection of the request in flight: interrupting a thread does not stop a blocking socket
 * read, and a pool thread stuck until the read timeout would be taken from the next call.
 */
final class FhirKeyQuery implements Callable<FhirKeyQuery.Result> {

  record Result(PrefetchKey key, List<Resource> resources, int pages) {}

  private final PrefetchKey key;
  private final FhirServerTarget target;
  private final FhirClients clients;
  private final FhirServerUrlPolicy urlPolicy;
  private final int maxPages;
  private final String continueFrom;
  private final AtomicReference<HttpRequestBase> requestInFlight = new AtomicReference<>();
  private volatile boolean aborted;

  FhirKeyQuery(
      PrefetchKey key,
      FhirServerTarget target,
      FhirClients clients,
      FhirServerUrlPolicy urlPolicy,
      int maxPages) {
    this(key, target, clients, urlPolicy, maxPages, null);
  }

  /**
   * @param continueFrom the {@code next} link of a prefetched first page: the query follows the
   *     links from there instead of searching, or null to search
   */
  FhirKeyQuery(
      PrefetchKey key,
      FhirServerTarget target,
      FhirClients clients,
      FhirServerUrlPolicy urlPolicy,
      int maxPages,
      String continueFrom) {
    this.key = key;
    this.target = target;
    this.clients = clients;
    this.urlPolicy = urlPolicy;
    this.maxPages = maxPages;
    this.continueFrom = continueFrom;
  }

  PrefetchKey key() {
    return key;
  }

  @Override
  public Result call() {
    try {
      IGenericClient client =
          clients.newClient(target.base(), target.accessToken(), new AbortHook());
      return key.isRead() ? read(client) : search(client);
    } catch (PatientDataUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      if (aborted) {
        throw new CancellationException("aborted");
      }
      throw FetchFailures.describe(key, e);
    }
  }

  /** Stops the query: the request in flight (or the next one) fails at once. */
  void abort() {
    aborted = true;
    HttpRequestBase request = requestInFlight.get();
    if (request != null) {
      request.abort();
    }
  }

  private Result read(IGenericClient client) {
    Patient patient = client.read().resource(Patient.class).withId(target.patientId()).execute();
    return new Result(key, List.of(patient), 1);
  }

  private Result search(IGenericClient client) {
    Set<URI> followed = new HashSet<>();
    List<Resource> resources = new ArrayList<>();
    // A prefetched first page counts as page one; its resources are the caller's.
    int pages = 1;
    Bundle page;
    if (continueFrom == null) {
      page =
          client
              .search()
              .byUrl(key.queryFor(target.patientId()))
              .returnBundle(Bundle.class)
              .execute();
    } else {
      page = nextPage(client, continueFrom, followed);
      pages++;
    }
    resources.addAll(key.resourcesIn(page));
    for (Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
        next != null && next.hasUrl();
        next = page.getLink(Bundle.LINK_NEXT)) {
      if (pages >= maxPages) {
        throw unavailable("FHIR server has more than " + maxPages + " pages for " + key.key());
      }
      page = nextPage(client, next.getUrl(), followed);
      pages++;
      resources.addAll(key.resourcesIn(page));
    }
    return new Result(key, resources, pages);
  }

  /** The page a next link names, on fhirServer's origin only, never twice. */
  private Bundle nextPage(IGenericClient client, String link, Set<URI> followed) {
    if (aborted || Thread.currentThread().isInterrupted()) {
      throw new CancellationException("aborted");
    }
    URI nextUrl =
        urlPolicy
            .sameOriginLink(target.base(), link)
            .orElseThrow(
                () ->
                    unavailable("FHIR server's next link for " + key.key() + " leaves fhirServer"));
    if (!followed.add(nextUrl)) {
      throw unavailable("FHIR server's next links for " + key.key() + " go round in a loop");
    }
    return client.loadPage().byUrl(nextUrl.toString()).andReturnBundle(Bundle.class).execute();
  }

  private PatientDataUnavailableException unavailable(String message) {
    return new PatientDataUnavailableException(message, Set.of(key));
  }

  /** Remembers each request before it is sent, so that {@link #abort()} can reach it. */
  private final class AbortHook implements IClientInterceptor {
    @Override
    public void interceptRequest(IHttpRequest request) {
      if (request instanceof ApacheHttpRequest) {
        HttpRequestBase apacheRequest = ((ApacheHttpRequest) request).getApacheRequest();
        requestInFlight.set(apacheRequest);
        // abort() may have run between the check in search() and here.
        if (aborted) {
          apacheRequest.abort();
        }
      }
    }

    @Override
    public void interceptResponse(IHttpResponse response) {
      // Nothing to do: the response is read by HAPI on this thread.
    }
  }
}
