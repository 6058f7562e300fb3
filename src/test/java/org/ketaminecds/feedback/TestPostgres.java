package org.ketaminecds.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, from the machine's packages (Debian's postgresql: {@code
 * /usr/lib/postgresql/<version>/bin}, or {@code PG_BIN}): a new data folder, a random free port on
 * 127.0.0.1, trust authentication. PostgreSQL refuses to run as root, so as root (CI) its programs
 * run as the {@code postgres} user. Tests fail, never skip, when PostgreSQL is not installed
 * ({@code .ci/run} installs it).
 */
public final class TestPostgres implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static TestPostgres shared;

  private final Path bin;
  private final Path dataDir;
  private final int port;

  private TestPostgres(Path bin, Path dataDir, int port) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.port = port;
  }

  /** The server all test contexts share (one database each), stopped when the JVM ends. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
      TestPostgres server = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return shared;
  }

  /** A server of its own, for a test that stops and starts it. */
  public static TestPostgres start() {
    Path bin = binaries();
    try {
      Path dataDir = Files.createTempDirectory("cds-test-pg-");
      if (asRoot()) {
        run(List.of("chown", "postgres:postgres", dataDir.toString()));
      }
      var server = new TestPostgres(bin, dataDir, freePort());
      server.pg(
          "initdb",
          "-D",
          dataDir.toString(),
          "-U",
          "postgres",
          "--auth=trust",
          "-E",
          "UTF8",
          "--no-sync",
          "--no-instructions");
      server.startServer();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void startServer() {
    pg(
        "pg_ctl",
        "-D",
        dataDir.toString(),
        "-w",
        "-t",
        "60",
        "-l",
        dataDir.resolve("server.log").toString(),
        "-o",
        "-p "
            + port
            + " -k "
            + dataDir
            + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
            + " -c full_page_writes=off -c shared_buffers=16MB -c max_connections=200",
        "start");
  }

  public void stopServer() {
    pg("pg_ctl", "-D", dataDir.toString(), "-w", "-m", "fast", "stop");
  }

  /** A new, empty database on this server; its JDBC URL (user postgres, no password). */
  public String newDatabase() {
    String name = "cds_test_" + DATABASES.incrementAndGet();
    try (var connection = DriverManager.getConnection(url("postgres"), "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database", e);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() {
    try {
      pg("pg_ctl", "-D", dataDir.toString(), "-w", "-m", "immediate", "stop");
    } catch (RuntimeException alreadyStopped) {
      // stopped by the test
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder
    }
  }

  private void pg(String program, String... args) {
    var command = new ArrayList<String>();
    if (asRoot()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("Failed: " + String.join(" ", command));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path binaries() {
    String configured = System.getenv("PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(dir -> Files.isExecutable(dir.resolve("pg_ctl")))
          .max(Comparator.comparing(Path::toString))
          .orElseThrow(TestPostgres::notInstalled);
    } catch (IOException e) {
      throw notInstalled();
    }
  }

  private static IllegalStateException notInstalled() {
    return new IllegalStateException(
        "PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN): the storage"
            + " tests run against a real PostgreSQL");
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
