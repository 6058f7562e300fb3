package org.ketaminecds.security;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An EHR's JWKS endpoint for tests: the JDK's HTTP server on the loopback address only, serving
 * whatever JWKS the test sets, and counting fetches.
 */
final class LoopbackJwksServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicReference<String> jwks;
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  private LoopbackJwksServer(String initialJwks) {
    this.jwks = new AtomicReference<>(initialJwks);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.createContext(
        "/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          requests.incrementAndGet();
          byte[] body = jwks.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  static LoopbackJwksServer serving(String jwks) {
    return new LoopbackJwksServer(jwks);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
  }

  void serve(String newJwks) {
    jwks.set(newJwks);
  }

  int fetches() {
    return fetches.get();
  }

  /** Every request that reached this server, on any path. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
