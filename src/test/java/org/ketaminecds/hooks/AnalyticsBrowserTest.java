package org.ketaminecds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ketaminecds.security.TestEhr;
import org.ketaminecds.support.TestClockConfiguration;
import org.ketaminecds.workbench.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The override analytics page in a real headless Chromium, on figures this test makes over HTTP:
 * cards issued by hook calls, then accepted, overridden and snoozed by feedback. The JSON, the
 * Prometheus gauges and the page show the same figures; the chart is checked on a screenshot.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cds.security.require-jwt=false",
      "cds.feedback.analytics-enabled=true",
      "cds.feedback.analytics-refresh=200ms"
    })
@Import(TestClockConfiguration.class)
class AnalyticsBrowserTest {

  static final Path SCREENSHOT = Path.of("target/analytics.png");
  static final TestEhr EHR = new TestEhr();

  @RegisterExtension
  static final HeadlessChromium.PerClass chromium = new HeadlessChromium.PerClass();

  @DynamicPropertySource
  static void trustTheTestEhr(DynamicPropertyRegistry registry) {
    EHR.register(registry);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired MeterRegistry meters;

  @Test
  void showsTheFiguresOfTheRunAsJsonMetricsAndAChart() throws Exception {
    var calls = new CdsCalls(port, EHR);
    String service = "/cds-services/ketamine-eligibility";
    Map<String, JsonNode> a = cards(calls, "analytics-a");
    Map<String, JsonNode> b = cards(calls, "analytics-b");
    cards(calls, "analytics-c");
    feedback(calls, a.get("ci-bipolar-disorder"), "snooze-3-months");
    feedback(calls, b.get("ci-bipolar-disorder"), "patient-refused");
    String accepted =
        """
        {"feedback": [{"card": "%s", "outcome": "accepted",
          "outcomeTimestamp": "2026-06-01T12:00:00Z"}]}
        """
            .formatted(a.get("trd-criteria-met").get("uuid").asString());
    assertThat(calls.post(service + "/feedback", accepted).statusCode()).isEqualTo(200);

    JsonNode figures = CdsCalls.json(calls.get("/admin/analytics/figures?days=30"));
    JsonNode bipolar = topic(figures, "ci-bipolar-disorder");
    assertThat(bipolar.get("issued").asLong()).isEqualTo(3);
    assertThat(bipolar.get("overridden").asLong()).isEqualTo(2);
    assertThat(bipolar.get("snoozed").asLong()).isEqualTo(1);
    assertThat(bipolar.get("accepted").asLong()).isZero();
    assertThat(bipolar.get("overriddenByReason").get("snooze-3-months").asLong()).isEqualTo(1);
    assertThat(bipolar.get("overriddenByReason").get("patient-refused").asLong()).isEqualTo(1);
    assertThat(topic(figures, "trd-criteria-met").get("accepted").asLong()).isEqualTo(1);

    assertThat(gauge("ci-bipolar-disorder", "overridden", 2)).isEqualTo(2);
    assertThat(gauge("ci-bipolar-disorder", "snoozed", 1)).isEqualTo(1);
    assertThat(gauge("trd-criteria-met", "accepted", 1)).isEqualTo(1);

    ChromeDriver browser = chromium.driver();
    browser.get("http://localhost:" + port + "/admin/analytics");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));
    List<String> rows =
        browser.findElements(By.cssSelector("#figures tbody tr")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(rows)
        .anyMatch(
            row ->
                row.startsWith("ci-bipolar-disorder")
                    && row.contains("3 0 2 1")
                    && row.contains("snooze-3-months: 1"));
    assertThat(browser.findElement(By.id("legend")).getText()).contains("overridden 2");

    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    Rectangle chart = browser.findElement(By.id("chart")).getRect();
    assertThat(pixels(image, chart, 0x1a5fb4)).as("issued line").isGreaterThan(20);
    assertThat(pixels(image, chart, 0xc01c28)).as("overridden line").isGreaterThan(20);
    assertThat(pixels(image, chart, 0xe5a50a)).as("snoozed line").isGreaterThan(20);
  }

  private Map<String, JsonNode> cards(CdsCalls calls, String patient) {
    var response =
        calls.post("/cds-services/ketamine-eligibility", FeedbackCharts.patientView(patient));
    assertThat(response.statusCode()).isEqualTo(200);
    return FeedbackCharts.cardsByTopic(response.body());
  }

  private static void feedback(CdsCalls calls, JsonNode card, String reason) {
    assertThat(
            calls
                .post(
                    "/cds-services/ketamine-eligibility/feedback",
                    FeedbackCharts.override(card.get("uuid").asString(), reason, ""))
                .statusCode())
        .isEqualTo(200);
  }

  private static JsonNode topic(JsonNode figures, String topic) {
    for (JsonNode entry : figures.get("topics")) {
      if (entry.get("topic").asString().equals(topic)) {
        return entry;
      }
    }
    throw new AssertionError("no figures for " + topic + " in " + figures);
  }

  /**
   * The gauge's value once the storage thread has read the figures of the whole run (it reads them
   * every 200 ms, possibly half-way through the feedback above), or the last value seen.
   */
  private double gauge(String topic, String figure, double expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    double value = -1;
    while (System.nanoTime() < deadline) {
      Gauge gauge =
          meters.find("cds.analytics.cards").tags("topic", topic, "figure", figure).gauge();
      value = gauge == null ? -1 : gauge.value();
      if (value == expected) {
        return value;
      }
      Thread.sleep(100);
    }
    return value;
  }

  /** Pixels of the chart area within a small distance of a colour. */
  private static int pixels(BufferedImage image, Rectangle area, int rgb) {
    int count = 0;
    for (int x = area.x; x < Math.min(image.getWidth(), area.x + area.width); x++) {
      for (int y = area.y; y < Math.min(image.getHeight(), area.y + area.height); y++) {
        int pixel = image.getRGB(x, y);
        if (Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 24
            && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 24
            && Math.abs((pixel & 0xff) - (rgb & 0xff)) < 24) {
          count++;
        }
      }
    }
    return count;
  }
}
