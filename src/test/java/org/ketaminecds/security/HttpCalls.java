package org.ketaminecds.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** Real HTTP calls to the service under test, on localhost. */
final class HttpCalls {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;

  HttpCalls(int port) {
    this.port = port;
  }

  /** The URL of a path, as the service sees it called (and so the audience a token needs). */
  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * @param headers name, value, name, value...; a null value leaves that header out, a name given
   *     twice sends it twice
   */
  HttpResponse<String> call(String method, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                method.equals("POST") ? BodyPublishers.ofString("{}") : BodyPublishers.noBody());
    if (method.equals("POST")) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i + 1] != null) {
        request.header(headers[i], headers[i + 1]);
      }
    }
    try {
      return HTTP.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A POST with this Authorization header (none when null). */
  HttpResponse<String> post(String path, String authorization) {
    return call("POST", path, "Authorization", authorization);
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }
}
