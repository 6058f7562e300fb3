package org.ketaminecds.security;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An EHR's JWKS endpoint over https for tests: the JDK's HTTPS server on the loopback address, with
 * a test certificate for {@code 127.0.0.1} made by the JDK's keytool at start. {@link
 * #clientContext()} trusts that certificate (and nothing else).
 */
final class LoopbackTlsJwksServer implements AutoCloseable {

  private static final char[] PASSWORD = "test-only".toCharArray();

  private final HttpsServer server;
  private final SSLContext clientContext;
  private final AtomicInteger fetches = new AtomicInteger();

  LoopbackTlsJwksServer(String jwks) {
    try {
      KeyStore keyStore = testCertificate();
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, PASSWORD);
      SSLContext serverContext = SSLContext.getInstance("TLS");
      serverContext.init(keys.getKeyManagers(), null, null);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keyStore);
      clientContext = SSLContext.getInstance("TLS");
      clientContext.init(null, trust.getTrustManagers(), null);

      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** A self-signed certificate for 127.0.0.1 and localhost, valid for two days. */
  private static KeyStore testCertificate() throws IOException, GeneralSecurityException {
    Path folder = Files.createTempDirectory("tls-jwks-");
    Path file = folder.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "jwks",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "keytool failed: " + new String(process.getInputStream().readAllBytes()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keyStore.load(in, PASSWORD);
    }
    Files.delete(file);
    Files.delete(folder);
    return keyStore;
  }

  String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
  }

  /** A client context that trusts this server's certificate. */
  SSLContext clientContext() {
    return clientContext;
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
