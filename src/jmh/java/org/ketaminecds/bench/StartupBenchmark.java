package org.ketaminecds.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Start to ready, and rule reloads, of the packaged service ({@code target/ketamine-cds.jar}) in
 * processes of its own: the time from launching {@code java} to the first 200 of {@code
 * /actuator/health} (the rules are checked and live before Tomcat opens its port), as the fat jar
 * and as Spring Boot's extracted layout with a class data sharing archive made by a training run;
 * then, on a running service, the time from saving a change in its rules folder to the new rule set
 * being live at {@code /admin/rules}, for a parameter change and for a DRL change.
 *
 * <p>Usage: {@code StartupBenchmark <output folder> [starts per layout, default 5]}. Needs {@code
 * ./mvnw -Pbench package} first.
 */
public final class StartupBenchmark {

  static final Path JAR = Path.of("target/ketamine-cds.jar");
  static final Path WORK = Path.of("target/startup");
  static final Duration READY_LIMIT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/performance");
    int starts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Files.createDirectories(out);
    new StartupBenchmark().run(out, starts);
  }

  private void run(Path out, int starts) throws Exception {
    deleteRecursively(WORK);
    Path rules = WORK.resolve("rules");
    copyRecursively(Path.of("rules"), rules);
    Path extracted = WORK.resolve("app");
    Path archive = WORK.resolve("app.jsa");
    exec(
        List.of(
            java(),
            "-Djarmode=tools",
            "-jar",
            JAR.toString(),
            "extract",
            "--destination",
            extracted.toString()));
    // The training run: starts, refreshes the context, exits, and leaves the archive.
    exec(
        serviceCommand(
            List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"),
            extracted.resolve("ketamine-cds.jar"),
            freePort(),
            rules));

    var report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Start-up of %s on %d cores, Java %s; %d starts per layout.%n%n",
            LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            starts));
    report.append("| layout | start to ready, ms (each run) | median ms |\n|---|---|---|\n");
    List<Long> fat = new ArrayList<>();
    List<Long> cds = new ArrayList<>();
    for (int i = 0; i < starts; i++) {
      fat.add(startAndStop(List.of(), JAR, rules));
      cds.add(
          startAndStop(
              List.of("-XX:SharedArchiveFile=" + archive),
              extracted.resolve("ketamine-cds.jar"),
              rules));
    }
    report.append(row("fat jar (`java -jar target/ketamine-cds.jar`)", fat));
    report.append(row("extracted + CDS archive", cds));

    report.append("\n| rule change | save to live, ms (each run) | median ms |\n|---|---|---|\n");
    int port = freePort();
    Process service =
        start(
            List.of("-XX:SharedArchiveFile=" + archive),
            extracted.resolve("ketamine-cds.jar"),
            port,
            rules);
    try {
      awaitReady(port, System.nanoTime());
      Path parameters = rules.resolve("parameters.yaml");
      Path drl = rules.resolve("trd/trd-criteria-met.drl");
      List<Long> parameterChanges = new ArrayList<>();
      List<Long> drlChanges = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int run = i;
        parameterChanges.add(
            reload(port, parameters, text -> text + "\n# benchmark reload " + run + "\n"));
        drlChanges.add(reload(port, drl, text -> text + "\n// benchmark reload " + run + "\n"));
      }
      report.append(row("parameters.yaml (no DRL change)", parameterChanges));
      report.append(row("a .drl file", drlChanges));
    } finally {
      stop(service);
    }
    report.append(
        "\nReload times include the watcher's settle time (cds.rules.settle, 150 ms by default).\n");
    Files.writeString(out.resolve("startup-results.md"), report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  private long startAndStop(List<String> jvmOptions, Path jar, Path rules) throws Exception {
    int port = freePort();
    long launched = System.nanoTime();
    Process service = start(jvmOptions, jar, port, rules);
    try {
      return awaitReady(port, launched);
    } finally {
      stop(service);
    }
  }

  private Process start(List<String> jvmOptions, Path jar, int port, Path rules)
      throws IOException {
    return new ProcessBuilder(serviceCommand(jvmOptions, jar, port, rules))
        .redirectErrorStream(true)
        .redirectOutput(WORK.resolve("service-" + port + ".log").toFile())
        .start();
  }

  private static List<String> serviceCommand(
      List<String> jvmOptions, Path jar, int port, Path rules) {
    var command = new ArrayList<String>();
    command.add(java());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--cds.security.require-jwt=false",
            "--cds.rules.dir=" + rules.toAbsolutePath()));
    return command;
  }

  /** Milliseconds from {@code launched} to the first 200 of the health endpoint. */
  private long awaitReady(int port, long launched) throws InterruptedException {
    long limit = launched + READY_LIMIT.toNanos();
    while (System.nanoTime() < limit) {
      if (get(port, "/actuator/health").statusCode() == 200) {
        return (System.nanoTime() - launched) / 1_000_000;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("The service was not ready within " + READY_LIMIT);
  }

  /** Milliseconds from saving the changed file to a new rule set being live. */
  private long reload(int port, Path file, UnaryOperator<String> change) throws Exception {
    String before = liveVersion(port);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    long saved = System.nanoTime();
    Files.writeString(file, change.apply(text), StandardCharsets.UTF_8);
    long limit = saved + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < limit) {
      if (!before.equals(liveVersion(port))) {
        long millis = (System.nanoTime() - saved) / 1_000_000;
        Thread.sleep(500); // let the watcher settle before the next change
        return millis;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("The change of " + file + " did not go live within 60 s");
  }

  private String liveVersion(int port) {
    String body = get(port, "/admin/rules").body();
    int at = body.indexOf("\"version\":\"");
    return at < 0 ? "" : body.substring(at + 11, body.indexOf('"', at + 11));
  }

  /** A status and body; status 0 while the port is not open yet. */
  private record Answer(int statusCode, String body) {}

  private Answer get(int port, String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Answer(0, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String row(String layout, List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return "| " + layout + " | " + millis + " | " + sorted.get(sorted.size() / 2) + " |\n";
  }

  private static void stop(Process service) throws InterruptedException {
    service.destroy();
    if (!service.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      service.destroyForcibly().waitFor();
    }
  }

  private static void exec(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve("setup.log").toFile())
            .start();
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("Failed: " + command + " (see " + WORK + "/setup.log)");
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
