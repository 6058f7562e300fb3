package org.ketaminecds.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.HdrHistogram.HistogramIterationValue;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.charts.GeneratedChart;
import org.ketaminecds.fhir.TestFhirServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The loopback load test of issue 6: the service on Tomcat in this JVM (heap capped at 512 MB for
 * the service and the load generator together), patient-view with the whole chart prefetched (small
 * and heavy charts, 1 to 16 connections), the floor beside it (the same request answered with empty
 * cards by {@link FloorController}), and the no-prefetch path against an in-process FHIR server
 * that answers each query after a set latency. Writes a Markdown table and a PNG chart.
 *
 * <p>Usage: {@code LoadTest <output folder> [measure seconds per step, default 6]}.
 */
public final class LoadTest {

  static final String SERVICE_PATH = "/cds-services/ketamine-eligibility";
  static final int[] SMALL_CONNECTIONS = {1, 2, 4, 8, 16};
  static final int[] HEAVY_CONNECTIONS = {1, 2, 4};

  /** Up to 8: five queries per call, and the service queues at most 16 + 64 (then 412s). */
  static final int[] NO_PREFETCH_CONNECTIONS = {1, 4, 8};

  /** Latency of the in-process FHIR server per resource type; Condition is the slowest. */
  static final Duration SLOWEST_QUERY = Duration.ofMillis(50);

  private LoadTest() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/performance");
    int measureSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Files.createDirectories(out);
    var results = new ArrayList<LoadResult>();
    try (TestFhirServer fhir = TestFhirServer.start(1000);
        ConfigurableApplicationContext service = startService()) {
      int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
      var load =
          new ClosedLoopLoad(port, Duration.ofSeconds(3), Duration.ofSeconds(measureSeconds));
      GeneratedChart small = BenchCharts.chart("small");
      GeneratedChart heavy = BenchCharts.chart("heavy");
      byte[] smallBody = small.requestWithPrefetch("patient-view");
      byte[] heavyBody = heavy.requestWithPrefetch("patient-view");
      System.out.printf(
          Locale.ROOT,
          "request bodies: small %,d bytes, heavy %,d bytes%n",
          smallBody.length,
          heavyBody.length);
      checkAnswers(port, smallBody, heavyBody);
      HeapWatch heap = new HeapWatch();
      // The JIT needs thousands of calls before the first measured step.
      var warmUp = new ClosedLoopLoad(port, Duration.ofSeconds(8), Duration.ofMillis(1));
      warmUp.run("warm-up", "small", SERVICE_PATH, smallBody, 2);
      warmUp.run("warm-up", "heavy", SERVICE_PATH, heavyBody, 2);
      for (int connections : SMALL_CONNECTIONS) {
        results.add(step(load, "service", "small", SERVICE_PATH, smallBody, connections));
        results.add(step(load, "floor", "small", FloorController.PATH, smallBody, connections));
      }
      for (int connections : HEAVY_CONNECTIONS) {
        results.add(step(load, "service", "heavy", SERVICE_PATH, heavyBody, connections));
        results.add(step(load, "floor", "heavy", FloorController.PATH, heavyBody, connections));
      }
      fhir.add(small.resources().toArray(org.hl7.fhir.r4.model.Resource[]::new));
      fhir.delay("Patient", Duration.ofMillis(10));
      fhir.delay("Condition", SLOWEST_QUERY);
      fhir.delay("MedicationStatement", Duration.ofMillis(30));
      fhir.delay("Observation", Duration.ofMillis(20));
      fhir.delay("AllergyIntolerance", Duration.ofMillis(20));
      byte[] noPrefetch =
          small.requestWithoutPrefetch("patient-view", fhir.baseUrl(), "bench-token");
      for (int connections : NO_PREFETCH_CONNECTIONS) {
        results.add(step(load, "no-prefetch", "small", SERVICE_PATH, noPrefetch, connections));
      }
      heap.close();
      String report = report(results, heap, smallBody.length, heavyBody.length);
      Files.writeString(out.resolve("load-results.md"), report, StandardCharsets.UTF_8);
      writeChart(results, out.resolve("load-test.png"));
      System.out.println(report);
    }
  }

  private static ConfigurableApplicationContext startService() {
    return new SpringApplicationBuilder(KetamineCdsApplication.class)
        .profiles("bench")
        .run(
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--cds.security.require-jwt=false",
            "--cds.rules.watch=false",
            // one INFO line per call would measure the console, not the service
            "--logging.level.org.ketaminecds=WARN");
  }

  private static void checkAnswers(int port, byte[] small, byte[] heavy) throws IOException {
    try (var connection = new RawHttpConnection(port)) {
      for (byte[] body : List.of(small, heavy)) {
        var answer = connection.exchange(RawHttpConnection.post(port, SERVICE_PATH, body));
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        if (answer.status() != 200 || !text.contains("\"cards\"")) {
          throw new IllegalStateException("The service answered " + answer.status() + ": " + text);
        }
        System.out.println(
            "service answer: " + text.length() + " chars, " + count(text) + " cards");
      }
    }
  }

  private static int count(String text) {
    return text.split("\"uuid\"", -1).length - 1;
  }

  private static LoadResult step(
      ClosedLoopLoad load, String target, String chart, String path, byte[] body, int connections)
      throws InterruptedException {
    LoadResult result = load.run(target, chart, path, body, connections);
    System.out.println(result.row());
    return result;
  }

  private static String report(
      List<LoadResult> results, HeapWatch heap, int smallBytes, int heavyBytes) {
    var text = new StringBuilder();
    text.append("Load test of ")
        .append(LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES))
        .append(
            String.format(
                Locale.ROOT,
                " on %d cores, Java %s; request bodies %,d B (small) and %,d B (heavy); "
                    + "FHIR server latency %d ms for the slowest query.%n%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                smallBytes,
                heavyBytes,
                SLOWEST_QUERY.toMillis()));
    text.append(
        "| target | chart | connections | requests/s | p50 ms | p99 ms | max ms | errors |\n");
    text.append("|---|---|---|---|---|---|---|---|\n");
    results.forEach(result -> text.append(result.row()).append('\n'));
    text.append(
        String.format(
            Locale.ROOT,
            "%nHeap (service and load generator in one JVM, -Xmx%dm): at most %d MB in use at"
                + " once; at most %d MB left in the old generation after a collection.%n",
            HeapWatch.maxMegabytes(),
            heap.peakUsedMegabytes(),
            heap.liveAfterCollectionMegabytes()));
    return text.toString();
  }

  private static void writeChart(List<LoadResult> results, Path file) throws IOException {
    var image = new BufferedImage(1400, 560, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    var throughput =
        new LineChart(
            "Throughput against connections (patient-view, full prefetch)",
            "connections (closed loop)",
            "requests per second",
            true,
            false);
    throughput.add(throughputSeries(results, "service", "small", new Color(0, 90, 180), false));
    throughput.add(throughputSeries(results, "floor", "small", new Color(0, 90, 180), true));
    throughput.add(throughputSeries(results, "service", "heavy", new Color(200, 60, 0), false));
    throughput.add(throughputSeries(results, "floor", "heavy", new Color(200, 60, 0), true));
    throughput.draw(g, 0, 0, 680, 560, new double[] {1, 2, 4, 8, 16});
    var latency =
        new LineChart(
            "Latency distribution at 1 connection",
            "percentile",
            "milliseconds (log scale)",
            true,
            true);
    latency.xTicks(LoadTest::percentileText);
    latency.add(latencySeries(results, "service", "small", new Color(0, 90, 180), false));
    latency.add(latencySeries(results, "floor", "small", new Color(0, 90, 180), true));
    latency.add(latencySeries(results, "service", "heavy", new Color(200, 60, 0), false));
    latency.add(latencySeries(results, "floor", "heavy", new Color(200, 60, 0), true));
    latency.add(latencySeries(results, "no-prefetch", "small", new Color(0, 140, 60), false));
    latency.draw(g, 700, 0, 700, 560, new double[] {2, 10, 100, 1000, 10_000});
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static LineChart.Series throughputSeries(
      List<LoadResult> results, String target, String chart, Color color, boolean dashed) {
    var points = new ArrayList<double[]>();
    for (LoadResult result : results) {
      if (result.target().equals(target) && result.chart().equals(chart)) {
        points.add(new double[] {result.connections(), result.throughput()});
      }
    }
    return new LineChart.Series(target + " (" + chart + ")", color, dashed, points);
  }

  /** x is 1/(1-p), so that 50%, 90%, 99%, 99.9% are equally spaced on a log axis. */
  private static LineChart.Series latencySeries(
      List<LoadResult> results, String target, String chart, Color color, boolean dashed) {
    var points = new ArrayList<double[]>();
    LoadResult one =
        results.stream()
            .filter(r -> r.target().equals(target) && r.chart().equals(chart))
            .filter(r -> r.connections() == 1)
            .findFirst()
            .orElseThrow();
    for (HistogramIterationValue value : one.latencyMicros().percentiles(5)) {
      double percentile = Math.min(value.getPercentileLevelIteratedTo(), 99.99);
      if (percentile >= 50) {
        points.add(new double[] {100 / (100 - percentile), value.getValueIteratedTo() / 1000.0});
      }
    }
    return new LineChart.Series(target + " (" + chart + ")", color, dashed, points);
  }

  private static String percentileText(double x) {
    return new java.math.BigDecimal(100 - 100 / x)
            .round(new java.math.MathContext(4))
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
