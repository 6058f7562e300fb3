package org.ketaminecds.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The analytics page's figures as Micrometer gauges (Prometheus: {@code cds_analytics_cards} with
 * tags topic, ruleset and figure = issued, accepted, overridden, snoozed; {@code
 * cds_analytics_overrides} with tags topic, ruleset and reason), over the retention period, read
 * from the database (so every replica reports the same totals) every {@code
 * cds.feedback.analytics-refresh}.
 */
@Component
class AnalyticsMetrics {

  private static final List<String> FIGURES =
      List.of("issued", "accepted", "overridden", "snoozed");

  private final OverrideAnalytics analytics;
  private final Clock clock;
  private final FeedbackProperties properties;
  private final MultiGauge cards;
  private final MultiGauge overrides;

  AnalyticsMetrics(
      OverrideAnalytics analytics,
      Clock clock,
      FeedbackProperties properties,
      ScheduledExecutorService storageTasks,
      MeterRegistry meters) {
    this.analytics = analytics;
    this.clock = clock;
    this.properties = properties;
    this.cards =
        MultiGauge.builder("cds.analytics.cards")
            .description("Cards issued, accepted, overridden and snoozed per topic and rule set")
            .register(meters);
    this.overrides =
        MultiGauge.builder("cds.analytics.overrides")
            .description("Cards overridden per topic, rule set and override reason")
            .register(meters);
    long interval = properties.analyticsRefresh().toMillis();
    storageTasks.scheduleWithFixedDelay(this::refreshQuietly, 0, interval, TimeUnit.MILLISECONDS);
  }

  void refresh() {
    LocalDate from =
        LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(properties.retention().toDays());
    var cardRows = new ArrayList<MultiGauge.Row<?>>();
    var overrideRows = new ArrayList<MultiGauge.Row<?>>();
    for (OverrideAnalytics.TopicFigures topic : analytics.since(from)) {
      Tags tags = Tags.of("topic", topic.topic(), "ruleset", topic.ruleSetVersion());
      for (String figure : FIGURES) {
        cardRows.add(MultiGauge.Row.of(tags.and("figure", figure), topic.total(figure)));
      }
      topic
          .overriddenByReason()
          .forEach(
              (reason, count) ->
                  overrideRows.add(MultiGauge.Row.of(tags.and("reason", tag(reason)), count)));
    }
    cards.register(cardRows, true);
    overrides.register(overrideRows, true);
  }

  /** Reason codes come from the EHR: odd ones share one series, so they cannot flood Prometheus. */
  private static String tag(String reason) {
    return reason.matches("[a-z0-9-]{1,40}") ? reason : "other";
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // The gauges keep their last values; the storage failure is logged by the writer.
    }
  }
}
