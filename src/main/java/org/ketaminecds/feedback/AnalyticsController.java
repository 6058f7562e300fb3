package org.ketaminecds.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The override analytics for rule authors: a page ({@code GET /admin/analytics}, charts drawn in
 * the browser as SVG, no outside script) and its figures ({@code GET /admin/analytics/figures}).
 * Off unless {@code cds.feedback.analytics-enabled}; under /admin/**, so a JWT is required where
 * the service requires one.
 */
@RestController
class AnalyticsController {

  private static final int MAX_DAYS = 400;

  private final OverrideAnalytics analytics;
  private final CallRecorder recorder;
  private final Clock clock;
  private final boolean enabled;
  private final byte[] page;

  AnalyticsController(
      OverrideAnalytics analytics,
      CallRecorder recorder,
      Clock clock,
      FeedbackProperties properties) {
    this.analytics = analytics;
    this.recorder = recorder;
    this.clock = clock;
    this.enabled = properties.analyticsEnabled();
    this.page = readPage();
  }

  @GetMapping(path = "/admin/analytics", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> page() {
    if (!enabled) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
  }

  @GetMapping(path = "/admin/analytics/figures", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> figures(@RequestParam(defaultValue = "30") int days) {
    if (!enabled) {
      return ResponseEntity.notFound().build();
    }
    if (days < 1 || days > MAX_DAYS) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST)
          .body(Map.of("error", "days must be between 1 and " + MAX_DAYS));
    }
    recorder.flush();
    LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate from = to.minusDays(days - 1L);
    List<Map<String, Object>> topics =
        analytics.since(from).stream().map(AnalyticsController::json).toList();
    var body = new LinkedHashMap<String, Object>();
    body.put("from", from.toString());
    body.put("to", to.toString());
    body.put("topics", topics);
    return ResponseEntity.ok(body);
  }

  private static Map<String, Object> json(OverrideAnalytics.TopicFigures figures) {
    var topic = new LinkedHashMap<String, Object>();
    topic.put("topic", figures.topic());
    topic.put("ruleSetVersion", figures.ruleSetVersion());
    for (String figure : List.of("issued", "accepted", "overridden", "snoozed")) {
      topic.put(figure, figures.total(figure));
    }
    topic.put("overriddenByReason", figures.overriddenByReason());
    var days = new LinkedHashMap<String, Object>();
    figures.days().forEach((day, counts) -> days.put(day.toString(), counts));
    topic.put("days", days);
    return topic;
  }

  private static byte[] readPage() {
    try (InputStream in =
        AnalyticsController.class.getResourceAsStream("/analytics/analytics.html")) {
      if (in == null) {
        throw new IllegalStateException("analytics/analytics.html is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read analytics/analytics.html", e);
    }
  }
}
