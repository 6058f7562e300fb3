package org.ketaminecds.hooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ketaminecds.security.TestEhr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the service under test, as an EHR makes them. */
final class CdsCalls {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final TestEhr ehr;
  private final List<String> tokensSent = new CopyOnWriteArrayList<>();

  /** Calls signed by {@code ehr}: a fresh JWT for the URL of each call, as an EHR sends them. */
  CdsCalls(int port, TestEhr ehr) {
    this.baseUrl = "http://localhost:" + port;
    this.ehr = ehr;
  }

  String url(String path) {
    return baseUrl + path;
  }

  HttpResponse<String> get(String path) {
    return send(signed(path).GET());
  }

  HttpResponse<String> post(String path, String body) {
    return send(
        signed(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Any request, signed: {@code contentType} null sends no Content-Type, and a body publisher of
   * unknown length ({@link HttpRequest.BodyPublishers#ofInputStream}) is sent chunked.
   */
  HttpResponse<String> send(
      String method, String path, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = signed(path).method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** Every JWT these calls have sent, for checks that none reached a log. */
  List<String> tokensSent() {
    return List.copyOf(tokensSent);
  }

  private HttpRequest.Builder signed(String path) {
    String token = ehr.token(url(path));
    tokensSent.add(token);
    return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("The service did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
