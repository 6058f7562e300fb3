package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Makes HAPI generic clients for EHR FHIR servers. It owns a FhirContext of its own because client
 * settings (timeouts, server validation, parser error handling) live on the context, and the
 * application's shared context must not change under other users.
 */
final class FhirClients implements AutoCloseable {

  private final CloseableHttpClient httpClient;
  private final CompletableFuture<FhirContext> clientContext;

  FhirClients(FhirAccessProperties properties) {
    int connectMillis = millis(properties.connectTimeout());
    int readMillis = millis(properties.readTimeout());
    this.httpClient = httpClient(connectMillis, readMillis, properties.maxConcurrentQueries());
    // Making this second context and scanning its model (about half a second) runs beside the rest
    // of the start-up; a query that comes before it is done waits for it.
    this.clientContext =
        CompletableFuture.supplyAsync(
            () -> {
              FhirContext context = clientContext(connectMillis, readMillis, httpClient);
              ModelWarmUp.scan(context);
              return context;
            },
            daemon());
  }

  private static FhirContext clientContext(
      int connectMillis, int readMillis, CloseableHttpClient httpClient) {
    FhirContext context = new FhirContext(FhirVersionEnum.R4);
    context.setParserErrorHandler(LenientParsing.errorHandler());
    IRestfulClientFactory factory = context.getRestfulClientFactory();
    // No GET /metadata before the first query: it costs a round trip and many EHRs protect it.
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setConnectTimeout(connectMillis);
    factory.setConnectionRequestTimeout(connectMillis);
    factory.setSocketTimeout(readMillis);
    // Last: the setters above discard any HTTP client the factory holds.
    factory.setHttpClient(httpClient);
    return context;
  }

  /**
   * A client for one query. {@code requestHook} sees every HTTP request before it is sent (the
   * query uses it to be able to abort). The token, if any, goes only into the Authorization header.
   */
  IGenericClient newClient(URI base, String accessToken, IClientInterceptor requestHook) {
    IGenericClient client = clientContext.join().newRestfulGenericClient(base.toString());
    if (accessToken != null && !accessToken.isBlank()) {
      client.registerInterceptor(new BearerTokenAuthInterceptor(accessToken));
    }
    client.registerInterceptor(requestHook);
    return client;
  }

  @Override
  public void close() {
    try {
      httpClient.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CloseableHttpClient httpClient(
      int connectMillis, int readMillis, int maxPerRoute) {
    RequestConfig requestConfig =
        RequestConfig.custom()
            .setConnectTimeout(connectMillis)
            .setConnectionRequestTimeout(connectMillis)
            .setSocketTimeout(readMillis)
            .build();
    PoolingHttpClientConnectionManager connections =
        new PoolingHttpClientConnectionManager(30, TimeUnit.SECONDS);
    connections.setDefaultMaxPerRoute(maxPerRoute);
    connections.setMaxTotal(maxPerRoute * 4);
    return HttpClients.custom()
        // Proxy and trust-store settings of the JVM apply, as they do for HAPI's own client.
        .useSystemProperties()
        .setConnectionManager(connections)
        .setDefaultRequestConfig(requestConfig)
        // A redirect would carry the Authorization header to wherever it points.
        .disableRedirectHandling()
        // A retry would silently spend the deadline of the hook call a second time.
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
  }

  private static Executor daemon() {
    return task -> {
      Thread thread = new Thread(task, "fhir-client-warm-up");
      thread.setDaemon(true);
      thread.start();
    };
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }
}
